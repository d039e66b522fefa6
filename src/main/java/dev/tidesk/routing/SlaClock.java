package dev.tidesk.routing;

import java.time.Instant;

/**
 * The two SLA clocks of one request: first response and resolution, as deadlines in business
 * time. Pausing (the request waits for the client or is deferred) keeps the business time that
 * was left; resuming sets new deadlines that many working minutes after the resume.
 */
final class SlaClock {

    Instant firstResponseDue;
    Instant resolutionDue;
    Instant firstResponseAt;
    Instant pausedSince;
    Instant stoppedAt;

    SlaClock(
            Instant firstResponseDue,
            Instant resolutionDue,
            Instant firstResponseAt,
            Instant pausedSince,
            Instant stoppedAt) {
        this.firstResponseDue = firstResponseDue;
        this.resolutionDue = resolutionDue;
        this.firstResponseAt = firstResponseAt;
        this.pausedSince = pausedSince;
        this.stoppedAt = stoppedAt;
    }

    /** Starts both clocks at the request's creation; null targets mean no clock. */
    static SlaClock start(
            Instant at, Integer firstResponseMinutes, Integer resolutionMinutes, WorkingCalendar calendar) {
        return new SlaClock(
                firstResponseMinutes == null ? null : calendar.plus(at, firstResponseMinutes),
                resolutionMinutes == null ? null : calendar.plus(at, resolutionMinutes),
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
        }
    }

    void stop(Instant at) {
        if (stoppedAt == null) {
            stoppedAt = at;
        }
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
}
