package dev.tidesk.routing;

import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.Urgency;
import java.time.Instant;

/**
 * One row of the priority queue with the keys that put it there, in order: one-off or not,
 * urgency, SLA (the missed deadline of a request past its SLA, which puts it first within its
 * urgency, else the running deadline: {@code dueAt}), plan tier (9 = one-off client), age.
 * {@code decidedBy} names the first key in which this row differs from the row above it ("first"
 * for the top row).
 */
public record QueueEntry(
        int position,
        long ticketId,
        String tid,
        String subject,
        String organizationName,
        String contactName,
        Urgency urgency,
        Status status,
        Instant createdAt,
        Instant dueAt,
        int tierRank,
        boolean paused,
        SlaState sla,
        String decidedBy) {

    public boolean oneOff() {
        return tierRank == ClientTerms.ONE_OFF;
    }
}
