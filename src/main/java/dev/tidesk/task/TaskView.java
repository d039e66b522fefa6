package dev.tidesk.task;

import dev.tidesk.team.Specialty;
import java.math.BigDecimal;
import java.time.Instant;

/** A task as staff pages show it. */
public record TaskView(
        long id,
        long ticketId,
        String tid,
        Specialty specialty,
        long assigneeId,
        String assigneeName,
        String title,
        String description,
        BigDecimal estimateHours,
        Environment environment,
        TaskStatus status,
        String clientComment,
        Instant createdAt,
        Instant updatedAt) {

    /** Whether staff may take {@code action} (a {@link TaskAction} name) on this task now. */
    public boolean allows(String action) {
        return status.allowedActions(environment).contains(TaskAction.valueOf(action));
    }
}
