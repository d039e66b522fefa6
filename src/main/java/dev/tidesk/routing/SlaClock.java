package dev.tidesk.routing;

import java.time.Instant;

/**
 * The two SLA clocks of one request: first response and resolution, as deadlines in business
 * time. Pausing (the request waits for the client or is deferred) keeps the business time that
 * was left; resuming sets new deadlines that many working minutes after the resume.
 *
 * <p>{@code breachedAt} is the earliest deadline the request missed since it was last opened: a
 * late first answer or a pause does not undo it (a resume moves the deadlines, never the breach);
 * resolving the request clears it. The queue puts a request past its SLA first within its urgency,
 * the earliest breach first ({@link #queueKey()}).
 */
final class SlaClock {

    Instant firstResponseDue;
    Instant resolutionDue;
    Instant firstResponseAt;
    Instant pausedSince;
    Instant stoppedAt;
    Instant breachedAt;

    SlaClock(
            Instant firstResponseDue,
            Instant resolutionDue,
            Instant firstResponseAt,
            Instant pausedSince,
            Instant stoppedAt,
            Instant breachedAt) {
        this.firstResponseDue = firstResponseDue;
        this.resolutionDue = resolutionDue;
        this.firstResponseAt = firstResponseAt;
        this.pausedSince = pausedSince;
        this.stoppedAt = stoppedAt;
        this.breachedAt = breachedAt;
    }

    /** Starts both clocks at the request's creation; null targets mean no clock. */
    static SlaClock start(
            Instant at, Integer firstResponseMinutes, Integer resolutionMinutes, WorkingCalendar calendar) {
        return new SlaClock(
                firstResponseMinutes == null ? null : calendar.plus(at, firstResponseMinutes),
                resolutionMinutes == null ? null : calendar.plus(at, resolutionMinutes),
                null,
                null,
                null,
                null);
    }

    void pause(Instant at) {
        if (pausedSince == null) {
            pausedSince = at;
        }
    }

    void resume(Instant at, WorkingCalendar calendar) {
        if (pausedSince == null) {
            return;
        }
        firstResponseDue = shift(firstResponseDue, at, calendar);
        resolutionDue = shift(resolutionDue, at, calendar);
        pausedSince = null;
    }

    private Instant shift(Instant due, Instant resumedAt, WorkingCalendar calendar) {
        if (due == null) {
            return null;
        }
        long left = calendar.minutesBetween(pausedSince, due);
        return calendar.plus(resumedAt, left);
    }

    void responded(Instant at) {
        if (firstResponseAt == null) {
            firstResponseAt = at;
            if (stoppedAt == null && firstResponseDue != null && at.isAfter(firstResponseDue)) {
                breached(firstResponseDue);
            }
        }
    }

    /**
     * Notes a deadline as missed (the SLA watch does it for the running deadline once it has
     * passed; a late first answer does it here); the earliest one stays.
     */
    void breached(Instant due) {
        if (breachedAt == null || due.isBefore(breachedAt)) {
            breachedAt = due;
        }
    }

    void stop(Instant at) {
        if (stoppedAt == null) {
            stoppedAt = at;
        }
        breachedAt = null;
    }

    void reopen(Instant at, WorkingCalendar calendar) {
        if (stoppedAt != null) {
            if (pausedSince == null) {
                pausedSince = stoppedAt;
            }
            stoppedAt = null;
            resume(at, calendar);
        }
    }

    boolean running() {
        return pausedSince == null && stoppedAt == null;
    }

    /** The deadline that matters now: the first response until it is given, then the resolution. */
    Instant nextDue() {
        if (!running()) {
            return null;
        }
        return firstResponseAt == null && firstResponseDue != null ? firstResponseDue : resolutionDue;
    }

    /**
     * What the queue sorts on within an urgency: the missed deadline of a request past its SLA (in
     * the past, so before every deadline still to meet, the earliest breach first), else the running
     * deadline, else nothing (last).
     */
    Instant queueKey() {
        return breachedAt != null ? breachedAt : nextDue();
    }
}
