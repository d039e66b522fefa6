package dev.tidesk.mail;

import java.time.Instant;

public record OutboxView(long id, Long ticketId, String recipient, String subject, String textBody, String htmlBody,
        OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
}
