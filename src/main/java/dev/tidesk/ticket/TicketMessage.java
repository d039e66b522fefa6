package dev.tidesk.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class TicketMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ticketId;

    @Enumerated(EnumType.STRING)
    private MessageKind kind;

    private String authorName;
    private Long authorStaffId;
    private Long authorContactId;
    private String body;
    private Instant createdAt;

    protected TicketMessage() {}

    TicketMessage(long ticketId, MessageKind kind, Actor author, String body, Instant createdAt) {
        this.ticketId = ticketId;
        this.kind = kind;
        this.authorName = author.name();
        this.authorStaffId = author.staffId();
        this.authorContactId = author.contactId();
        this.body = body;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getTicketId() {
        return ticketId;
    }

    MessageKind getKind() {
        return kind;
    }

    MessageView view(java.util.List<AttachmentView> attachments) {
        return new MessageView(id, kind, authorName, authorStaffId != null, body, createdAt, attachments);
    }
}
