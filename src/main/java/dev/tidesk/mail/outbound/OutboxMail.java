package dev.tidesk.mail.outbound;

import dev.tidesk.mail.OutboxStatus;
import dev.tidesk.mail.OutboxView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** One mail to send. Written in the transaction of the change it tells about, by {@link Outbox#enqueue}. */
@Entity
@Table(name = "mail_outbox")
public class OutboxMail {

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

    protected OutboxMail() {}

    java.util.List<Long> getAttachmentIds() {
        if (attachmentIds == null || attachmentIds.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(attachmentIds.split(","))
                .map(Long::valueOf)
                .toList();
    }

    void sent(Instant now) {
        status = OutboxStatus.SENT;
        attempts++;
        sentAt = now;
        lastError = null;
    }

    /**
     * A temporary failure waits longer each time (with the defaults 30 s, 1, 2, 4, 8 ... min, at
     * most an hour), until the last attempt fails it for good.
     */
    void failedTemporarily(String error, Instant now, int maxAttempts, Duration firstDelay, Duration maxDelay) {
        attempts++;
        lastError = truncate(error);
        if (attempts >= maxAttempts) {
            status = OutboxStatus.FAILED;
        } else {
            nextAttemptAt = now.plus(retryDelay(attempts, firstDelay, maxDelay));
        }
    }

    /** The wait after the {@code attempt}-th failure: doubling from {@code first}, never above {@code max}. */
    public static Duration retryDelay(int attempt, Duration first, Duration max) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 30);
        long millis = first.toMillis() << doublings;
        return millis <= 0 || millis > max.toMillis() ? max : Duration.ofMillis(millis);
    }

    void failedPermanently(String error) {
        attempts++;
        status = OutboxStatus.FAILED;
        lastError = truncate(error);
    }

    /** An admin asks to try a failed mail again. */
    public void retry(Instant now) {
        status = OutboxStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    private static String truncate(String s) {
        return s == null ? null : s.length() > 1000 ? s.substring(0, 1000) : s;
    }

    /** What people see of the mail: single-use links masked ({@link SecretLinks}); the sender reads the fields. */
    public OutboxView view() {
        return new OutboxView(
                id,
                ticketId,
                recipient,
                subject,
                SecretLinks.mask(textBody),
                SecretLinks.mask(htmlBody),
                status,
                attempts,
                lastError,
                createdAt,
                sentAt);
    }

    Long getId() {
        return id;
    }

    OutboxStatus getStatus() {
        return status;
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
