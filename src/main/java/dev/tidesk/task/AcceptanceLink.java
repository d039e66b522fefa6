package dev.tidesk.task;

import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The e-mail link that lets a client accept or decline a change on the test copy: the hash of a
 * random token, answered once, before it expires; a newer check of the same task supersedes it.
 */
@Entity
@Table(name = "task_acceptance_link")
class AcceptanceLink {

    enum State {
        ACTIVE,
        ACCEPTED,
        DECLINED,
        SUPERSEDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long taskId;
    private String tokenHash;

    @Enumerated(EnumType.STRING)
    private State status;

    private Instant expiresAt;
    private Instant createdAt;
    private String answeredBy;
    private Instant answeredAt;

    @Version
    private int version;

    protected AcceptanceLink() {}

    AcceptanceLink(long taskId, String tokenHash, Instant expiresAt, Instant now) {
        this.taskId = taskId;
        this.tokenHash = tokenHash;
        this.status = State.ACTIVE;
        this.expiresAt = expiresAt;
        this.createdAt = now;
    }

    /** Refuses a link that was used, replaced or has expired; otherwise records the answer. */
    void answer(boolean accept, String who, Instant now) {
        if (status != State.ACTIVE) {
            throw new DomainException("task.link.used", "This link was used already");
        }
        if (!now.isBefore(expiresAt)) {
            throw new DomainException("task.link.expired", "This link has expired");
        }
        status = accept ? State.ACCEPTED : State.DECLINED;
        answeredBy = who;
        answeredAt = now;
    }

    void supersede() {
        if (status == State.ACTIVE) {
            status = State.SUPERSEDED;
        }
    }

    boolean usable(Instant now) {
        return status == State.ACTIVE && now.isBefore(expiresAt);
    }

    long getTaskId() {
        return taskId;
    }

    State getStatus() {
        return status;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }
}
