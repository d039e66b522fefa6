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

    private Instant createdAt;

    protected TicketAttachment() {}

    TicketAttachment(
            long ticketId,
            long messageId,
            String filename,
            String contentType,
            byte[] content,
            String sha256,
            Instant createdAt) {
        this.ticketId = ticketId;
        this.messageId = messageId;
        this.filename = filename;
        this.contentType = contentType;
        this.content = content;
        this.sizeBytes = content.length;
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

    byte[] getContent() {
        return content;
    }

    Long getId() {
        return id;
    }
}
