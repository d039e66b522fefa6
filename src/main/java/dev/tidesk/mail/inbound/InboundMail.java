package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundStatus;
import dev.tidesk.mail.InboundView;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;

/**
 * One inbound message, stored raw before it is processed. Processing is retried with a growing
 * delay; after the last attempt the message waits in quarantine for a person.
 */
@Entity
@Table(name = "mail_inbound")
@DynamicUpdate
public class InboundMail {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String source;
    private String idempotencyKey;
    private String messageId;
    private String fromAddress;
    private String subject;
    private int sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    @Column(updatable = false)
    private byte[] raw;

    /** Where the raw copy is kept ({@link dev.tidesk.storage.Blobs}); older rows have it in raw. */
    @Column(updatable = false)
    private String rawKey;

    /** The raw copy as read from storage for this processing. */
    @jakarta.persistence.Transient
    private byte[] fetchedRaw;

    private boolean truncated;
    /** Imported history: processing it mails nobody. */
    private boolean silent;

    private String contentSha256;

    @Enumerated(EnumType.STRING)
    private InboundStatus status = InboundStatus.RECEIVED;

    private String outcome;
    private int attempts;
    private Instant nextAttemptAt;
    private String lastError;
    private Long ticketId;
    private Instant receivedAt;
    private Instant processedAt;

    protected InboundMail() {}

    InboundMail(
            String source,
            String idempotencyKey,
            String messageId,
            String fromAddress,
            String subject,
            int sizeBytes,
            byte[] raw,
            boolean truncated,
            Instant now) {
        this.source = source;
        this.idempotencyKey = idempotencyKey;
        this.messageId = messageId;
        this.fromAddress = cut(fromAddress, 300);
        this.subject = cut(subject, 500);
        this.sizeBytes = sizeBytes;
        this.raw = raw;
        this.truncated = truncated;
        this.receivedAt = now;
        this.nextAttemptAt = now;
    }

    public void processed(String outcome, Long ticketId, Instant now) {
        this.status = InboundStatus.PROCESSED;
        this.outcome = outcome;
        this.ticketId = ticketId;
        this.processedAt = now;
        this.attempts++;
        this.lastError = null;
    }

    public void ignored(String outcome, String reason, Long ticketId, Instant now) {
        this.status = InboundStatus.IGNORED;
        this.outcome = outcome;
        this.ticketId = ticketId;
        this.lastError = cut(reason, 2000);
        this.processedAt = now;
        this.attempts++;
    }

    /** A failure: tried again later (1, 2, 4 ... minutes), or quarantined when it cannot succeed or was the last try. */
    public void failed(String error, boolean permanent, int maxAttempts, Instant now) {
        attempts++;
        lastError = cut(error, 2000);
        if (permanent || attempts >= maxAttempts) {
            status = InboundStatus.QUARANTINED;
        } else {
            nextAttemptAt = now.plus(Duration.ofSeconds(Math.min(60L << (attempts - 1), 3600)));
        }
    }

    /** An admin asks to process it again, now. */
    public void requeue(Instant now) {
        status = InboundStatus.RECEIVED;
        nextAttemptAt = now;
    }

    private static String cut(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    public InboundView view() {
        return new InboundView(
                id,
                source,
                messageId,
                fromAddress,
                subject,
                sizeBytes,
                status,
                outcome,
                attempts,
                lastError,
                ticketId,
                receivedAt,
                processedAt);
    }

    Long getId() {
        return id;
    }

    String getSource() {
        return source;
    }

    public byte[] getRaw() {
        return raw != null ? raw : fetchedRaw;
    }

    public String getRawKey() {
        return rawKey;
    }

    /** Reads the raw copy from storage when the row keeps only its key; returns this. */
    public InboundMail fetchRaw(dev.tidesk.storage.Blobs blobs) {
        if (raw == null && fetchedRaw == null && rawKey != null) {
            fetchedRaw = blobs.read(rawKey);
        }
        return this;
    }

    String getContentSha256() {
        return contentSha256;
    }

    boolean isSilent() {
        return silent;
    }

    boolean isTruncated() {
        return truncated;
    }

    public InboundStatus getStatus() {
        return status;
    }

    String getMessageId() {
        return messageId;
    }

    Long getTicketId() {
        return ticketId;
    }
}
