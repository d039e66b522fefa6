package dev.tidesk.workspace;

import dev.tidesk.task.Environment;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new specialist task on a request. */
class TaskForm {

    @NotNull
    private Long assigneeId;

    @NotBlank
    @Size(max = 300)
    private String title;

    @Size(max = 10000)
    private String description;

    @NotNull
    @DecimalMin("0.1")
    private BigDecimal estimateHours;

    @NotNull
    private Environment environment = Environment.LIVE;

    public Long getAssigneeId() {
        return assigneeId;
    }

    public void setAssigneeId(Long assigneeId) {
        this.assigneeId = assigneeId;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getEstimateHours() {
        return estimateHours;
    }

    public void setEstimateHours(BigDecimal estimateHours) {
        this.estimateHours = estimateHours;
    }

    public Environment getEnvironment() {
        return environment;
    }

    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }
}
