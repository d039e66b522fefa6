package dev.tidesk.task;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class TaskHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long taskId;
    private Long ticketId;
    private Instant at;
    private String actor;

    @Enumerated(EnumType.STRING)
    private TaskStatus fromStatus;

    @Enumerated(EnumType.STRING)
    private TaskStatus toStatus;

    private String comment;

    protected TaskHistory() {}

    TaskHistory(long ticketId, String actor, Instant at, TaskStatus from, TaskStatus to, String comment) {
        this.ticketId = ticketId;
        this.actor = actor;
        this.at = at;
        this.fromStatus = from;
        this.toStatus = to;
        this.comment = comment;
    }

    void belongTo(long taskId) {
        this.taskId = taskId;
    }

    Long getTaskId() {
        return taskId;
    }

    TaskStep view(String title) {
        return new TaskStep(taskId, title, at, actor, fromStatus, toStatus, comment);
    }
}
