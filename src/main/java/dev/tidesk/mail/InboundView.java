package dev.tidesk.mail;

import java.time.Instant;

/**
 * An inbound message as the admin pages show it.
 *
 * @param source  the mailbox name, {@code smtp} or {@code import}
 * @param outcome what processing did: NEW_REQUEST, REPLY, STAFF_REPLY, NEW_LINKED, BOUNCE, AUTO_REPLY, DUPLICATE,
 *                OWN_MAIL, TOO_LARGE
 */
public record InboundView(
        long id,
        String source,
        String messageId,
        String fromAddress,
        String subject,
        int sizeBytes,
        InboundStatus status,
        String outcome,
        int attempts,
        String lastError,
        Long ticketId,
        Instant receivedAt,
        Instant processedAt) {}
