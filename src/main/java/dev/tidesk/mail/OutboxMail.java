package dev.tidesk.mail;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One mail to send. Written in the transaction of the change it tells about, by {@link Outbox#enqueue}. */
@Entity
@Table(name = "mail_outbox")
class OutboxMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String eventKey;
    private Long ticketId;
    private String recipient;
    private String subject;
    private String textBody;
    private String htmlBody;
    private String messageId;
    private String inReplyTo;
    private String autoSubmitted;
    private String attachmentIds;
    @Enumerated(EnumType.STRING)
    private OutboxStatus status = OutboxStatus.PENDING;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Instant createdAt;
    private Instant sentAt;

    protected OutboxMail() {
    }

    java.util.List<Long> getAttachmentIds() {
        if (attachmentIds == null || attachmentIds.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(attachmentIds.split(",")).map(Long::valueOf).toList();
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /** A temporary failure waits longer each time (30 s, 1, 2, 4 min ...), up to the last attempt. */
    void failedTemporarily(String error, Instant now, int maxAttempts) {
        attempts++;
        lastError = truncate(error);
        if (attempts >= maxAttempts) {
            status = OutboxStatus.FAILED;
        } else {
            long seconds = Math.min(30L << (attempts - 1), 3600);
            nextAttemptAt = now.plus(Duration.ofSeconds(seconds));
        }
    }

    void failedPermanently(String error) {
        attempts++;
        status = OutboxStatus.FAILED;
        lastError = truncate(error);
    }

    /** An admin asks to try a failed mail again. */
    void retry(Instant now) {
        status = OutboxStatus.PENDING;
        nextAttemptAt = now;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** What people see of the mail: single-use links masked ({@link SecretLinks}); the sender reads the fields. */
    OutboxView view() {
        return new OutboxView(id, ticketId, recipient, subject, SecretLinks.mask(textBody), SecretLinks.mask(htmlBody),
                status, attempts, lastError, createdAt, sentAt);
    }

    Long getId() {
        return id;
    }

    String getRecipient() {
        return recipient;
    }

    String getSubject() {
        return subject;
    }

    String getTextBody() {
        return textBody;
    }

    String getHtmlBody() {
        return htmlBody;
    }

    String getMessageId() {
        return messageId;
    }

    String getInReplyTo() {
        return inReplyTo;
    }

    String getAutoSubmitted() {
        return autoSubmitted;
    }
}
