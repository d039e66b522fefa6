package dev.tidesk.task;

import dev.tidesk.shared.DomainException;
import dev.tidesk.team.Specialty;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A specialist's task on a request. Its rules: which status may follow which in its environment,
 * a TEST task goes via the client's acceptance, a decline returns it to the specialist with the
 * client's comment, and every step is recorded.
 */
@Entity
class Task extends AbstractAggregateRoot<Task> {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ticketId;
    private String tid;
    private Long organizationId;

    @Enumerated(EnumType.STRING)
    private Specialty specialty;

    private Long assigneeId;
    private String assigneeName;
    private String title;
    private String description;
    private BigDecimal estimateHours;

    @Enumerated(EnumType.STRING)
    private Environment environment;

    @Enumerated(EnumType.STRING)
    private TaskStatus status;

    private String clientComment;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private int version;

    @Transient
    private final List<TaskHistory> changes = new ArrayList<>();

    protected Task() {}

    Task(
            long ticketId,
            String tid,
            Long organizationId,
            Specialty specialty,
            long assigneeId,
            String assigneeName,
            String title,
            String description,
            BigDecimal estimateHours,
            Environment environment,
            String actor,
            Instant now) {
        if (title == null || title.isBlank()) {
            throw new DomainException("error.task.title", "A task needs a title");
        }
        if (estimateHours == null
                || estimateHours.signum() <= 0
                || estimateHours.compareTo(new BigDecimal("9999")) > 0) {
            throw new DomainException("error.task.estimate", "The estimate must be a positive number of hours");
        }
        this.ticketId = ticketId;
        this.tid = tid;
        this.organizationId = organizationId;
        this.specialty = Objects.requireNonNull(specialty);
        this.assigneeId = assigneeId;
        this.assigneeName = assigneeName;
        this.title = title.strip();
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.estimateHours = estimateHours;
        this.environment = Objects.requireNonNull(environment);
        this.status = TaskStatus.TODO;
        this.createdAt = now;
        this.updatedAt = now;
        changes.add(new TaskHistory(ticketId, actor, now, null, TaskStatus.TODO, null));
    }

    void start(String actor, Long staffId, Instant now) {
        move(TaskStatus.IN_PROGRESS, actor, staffId, now, null);
    }

    /** The change is on the test copy: the client is asked to accept it. */
    void readyOnTestCopy(String actor, Long staffId, Instant now, String linkToken, Instant linkExpiresAt) {
        move(TaskStatus.ON_TEST_COPY, actor, staffId, now, null);
        move(TaskStatus.AWAITING_CLIENT_ACCEPTANCE, actor, staffId, now, null);
        clientComment = null;
        registerEvent(new TaskAwaitingAcceptance(id, ticketId, title, linkToken, linkExpiresAt));
    }

    void accept(String client, Instant now) {
        requireAwaiting();
        move(TaskStatus.DEPLOYING, client, null, now, null);
    }

    void decline(String client, String comment, Instant now) {
        requireAwaiting();
        if (comment == null || comment.isBlank()) {
            throw new DomainException("error.task.declineComment", "Say what is wrong");
        }
        clientComment = comment.strip();
        move(TaskStatus.IN_PROGRESS, client, null, now, clientComment);
    }

    /** A live change is done; a tested one is deployed to the live site. */
    void complete(String actor, Long staffId, Instant now) {
        move(TaskStatus.DONE, actor, staffId, now, null);
    }

    void cancel(String actor, Long staffId, Instant now) {
        move(TaskStatus.CANCELLED, actor, staffId, now, null);
    }

    private void requireAwaiting() {
        if (status != TaskStatus.AWAITING_CLIENT_ACCEPTANCE) {
            throw new DomainException("error.task.notAwaiting", "The task is not waiting for your acceptance");
        }
    }

    private void move(TaskStatus target, String actor, Long staffId, Instant now, String comment) {
        if (!status.canMoveTo(target, environment)) {
            throw new TaskTransitionException(status, target);
        }
        TaskStatus from = status;
        status = target;
        updatedAt = now;
        changes.add(new TaskHistory(ticketId, actor, now, from, target, comment));
        registerEvent(new TaskStatusChanged(id == null ? 0 : id, ticketId, from, target, staffId));
    }

    List<TaskHistory> drainChanges() {
        List<TaskHistory> out = new ArrayList<>(changes);
        changes.clear();
        return out;
    }

    TaskView view() {
        return new TaskView(
                id,
                ticketId,
                tid,
                specialty,
                assigneeId,
                assigneeName,
                title,
                description,
                estimateHours,
                environment,
                status,
                clientComment,
                createdAt,
                updatedAt);
    }

    TaskProgress progress() {
        return new TaskProgress(id, title, status, environment);
    }

    Long getId() {
        return id;
    }

    Long getTicketId() {
        return ticketId;
    }

    Long getAssigneeId() {
        return assigneeId;
    }

    String getTitle() {
        return title;
    }
}
