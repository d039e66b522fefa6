package dev.tidesk.worklog;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;

/** The audit trail of an entry: one row per creation or edit, with the values after it. */
@Entity
class WorkEntryChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long entryId;
    private Instant at;
    private String actor;
    private String action;
    private LocalDate day;
    private int minutes;

    @Enumerated(EnumType.STRING)
    private WorkKind kind;

    private String comment;

    protected WorkEntryChange() {}

    WorkEntryChange(
            long entryId,
            Instant at,
            String actor,
            String action,
            LocalDate day,
            int minutes,
            WorkKind kind,
            String comment) {
        this.entryId = entryId;
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.day = day;
        this.minutes = minutes;
        this.kind = kind;
        this.comment = comment;
    }

    WorkEntryChangeView view() {
        return new WorkEntryChangeView(entryId, at, actor, action, day, minutes, kind, comment);
    }
}
