package dev.tidesk.ticket;

import java.time.Instant;

/** A request as pages show it. */
public record TicketView(
        long id,
        String tid,
        String subject,
        Long organizationId,
        String organizationName,
        Long contactId,
        String contactName,
        String contactEmail,
        Long siteId,
        Channel channel,
        Urgency urgency,
        Status status,
        Long assigneeId,
        String assigneeName,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant resolvedAt,
        Long mergedIntoId) {

    /** Whether this request was merged into another ({@link #mergedIntoId}). */
    public boolean merged() {
        return mergedIntoId != null;
    }
}
