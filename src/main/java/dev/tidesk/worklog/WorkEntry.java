package dev.tidesk.worklog;

import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A norm-hour entry. Its own rules live here: a positive duration of at most a day, not in the
 * future and not before the request was received; who may change it. The per-person-per-day limit needs the other entries and is checked
 * by {@link WorkLog}.
 */
@Entity
class WorkEntry {

    static final int MAX_MINUTES_PER_DAY = 24 * 60;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long ticketId;
    private Long taskId;
    private Long organizationId;
    private long staffId;
    private String staffName;
    private LocalDate day;
    private int minutes;

    @Enumerated(EnumType.STRING)
    private WorkKind kind;

    private String comment;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private int version;

    protected WorkEntry() {}

    WorkEntry(
            long ticketId,
            Long taskId,
            Long organizationId,
            long staffId,
            String staffName,
            LocalDate day,
            int minutes,
            WorkKind kind,
            String comment,
            LocalDate opened,
            LocalDate today,
            Instant now) {
        check(day, minutes, opened, today);
        this.ticketId = ticketId;
        this.taskId = taskId;
        this.organizationId = organizationId;
        this.staffId = staffId;
        this.staffName = staffName;
        this.day = day;
        this.minutes = minutes;
        this.kind = kind == null ? WorkKind.WORK : kind;
        this.comment = clean(comment);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Changes the entry; only its author or someone who may edit anyone's entries (HEAD, ADMIN). */
    void edit(
            long editorStaffId,
            boolean mayEditAny,
            LocalDate day,
            int minutes,
            WorkKind kind,
            String comment,
            LocalDate opened,
            LocalDate today,
            Instant now) {
        if (!mayEditAny && editorStaffId != staffId) {
            throw new DomainException("worklog.error.not-author", "Only the author or the head may change an entry");
        }
        check(day, minutes, opened, today);
        this.day = day;
        this.minutes = minutes;
        this.kind = kind == null ? this.kind : kind;
        this.comment = clean(comment);
        this.updatedAt = now;
    }

    /**
     * @param opened the day the request was received (installation time zone): no work on it can
     *               have been done before; null when unknown
     */
    static void check(LocalDate day, int minutes, LocalDate opened, LocalDate today) {
        if (minutes == 0) {
            throw new DomainException("worklog.error.zero", "The duration is zero");
        }
        if (minutes < 0) {
            throw new DomainException("worklog.error.negative", "The duration is negative");
        }
        if (minutes > MAX_MINUTES_PER_DAY) {
            throw new DomainException("worklog.error.day-full", "More than 24 hours in one day", 24);
        }
        Objects.requireNonNull(day, "day");
        if (day.isAfter(today)) {
            throw new DomainException("worklog.error.future", "The date is in the future: " + day, day);
        }
        if (opened != null && day.isBefore(opened)) {
            throw new DomainException(
                    "worklog.error.before-request",
                    "The date " + day + " is before the request was received on " + opened,
                    day,
                    opened);
        }
    }

    private static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String c = comment.strip();
        return c.length() > 1000 ? c.substring(0, 1000) : c;
    }

    WorkEntryView view() {
        return new WorkEntryView(
                id,
                ticketId,
                taskId,
                organizationId,
                staffId,
                staffName,
                day,
                minutes,
                kind,
                comment,
                createdAt,
                updatedAt);
    }

    WorkEntryChange change(String actor, String action, Instant at) {
        return new WorkEntryChange(id, at, actor, action, day, minutes, kind, comment);
    }

    Long getId() {
        return id;
    }

    long getStaffId() {
        return staffId;
    }

    LocalDate getDay() {
        return day;
    }

    int getMinutes() {
        return minutes;
    }

    Long getTaskId() {
        return taskId;
    }

    long getTicketId() {
        return ticketId;
    }

    Long getOrganizationId() {
        return organizationId;
    }
}
