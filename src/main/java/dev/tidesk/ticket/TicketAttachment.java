package dev.tidesk.ticket;

import jakarta.persistence.Basic;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class TicketAttachment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ticketId;
    private Long messageId;
    private String filename;
    private String contentType;
    private long sizeBytes;
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    /** Where the content is kept ({@link dev.tidesk.storage.Blobs}); older rows have their bytes in content. */
    private String contentKey;

    private Instant createdAt;

    protected TicketAttachment() {}

    TicketAttachment(
            long ticketId,
            long messageId,
            String filename,
            String contentType,
            String contentKey,
            long sizeBytes,
            String sha256,
            Instant createdAt) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.filename = filename;
        this.contentType = contentType;
        this.contentKey = contentKey;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.createdAt = createdAt;
    }

    Long getTicketId() {
        return ticketId;
    }

    String getFilename() {
        return filename;
    }

    String getContentType() {
        return contentType;
    }

    /** The bytes of a row stored before contents moved to storage; null for newer rows. */
    byte[] getContent() {
        return content;
    }

    String getContentKey() {
        return contentKey;
    }

    long getSizeBytes() {
        return sizeBytes;
    }

    Long getId() {
        return id;
    }
}
