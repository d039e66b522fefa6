package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import dev.tidesk.storage.Blobs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes messages and their attachments, and the history entries a change of a request made.
 * Shared by intake and by the desk so that both store a message the same way.
 */
@Component
class Conversation {

    static final int MAX_BODY = 100_000;

    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final TicketHistoryRepository history;
    private final TicketSettings settings;
    private final Blobs blobs;

    Conversation(
            TicketMessageRepository messages,
            TicketAttachmentRepository attachments,
            TicketHistoryRepository history,
            TicketSettings settings,
            Blobs blobs) {
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.settings = settings;
        this.blobs = blobs;
    }

    /** Checks a message before anything is written, so a bad file leaves nothing half-stored. */
    void validate(String body, List<NewAttachment> files) {
        if (body == null || body.isBlank()) {
            throw new DomainException("error.body.required", "The message is empty");
        }
        if (body.length() > MAX_BODY) {
            throw new DomainException("error.body.too-long", "The message is too long", MAX_BODY);
        }
        for (NewAttachment file : files) {
            if (file.content() == null || file.size() <= 0) {
                throw new DomainException(
                        "error.attachment.empty", "Empty file: " + file.filename(), safeName(file.filename()));
            }
            if (file.size() > settings.maxAttachmentBytes()) {
                throw new DomainException(
                        "error.attachment.too-large",
                        "File too large: " + file.filename(),
                        safeName(file.filename()),
                        settings.maxAttachmentBytes() / (1024 * 1024));
            }
        }
    }

    long add(long ticketId, MessageKind kind, Actor author, String body, List<NewAttachment> files, Instant now) {
        validate(body, files);
        TicketMessage message = messages.save(new TicketMessage(ticketId, kind, author, body.strip(), now));
        for (NewAttachment file : files) {
            String type = safeContentType(file.contentType());
            MessageDigest sha256 = sha256();
            String key;
            try (InputStream in = new DigestInputStream(file.content().getInputStream(), sha256)) {
                // streamed into storage; a rollback of this transaction removes it again
                key = blobs.put(in, file.size(), type);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            attachments.save(new TicketAttachment(
                    ticketId,
                    message.getId(),
                    safeName(file.filename()),
                    type,
                    key,
                    file.size(),
                    HexFormat.of().formatHex(sha256.digest()),
                    now));
        }
        return message.getId();
    }

    void saveHistory(Ticket ticket) {
        for (TicketHistory entry : ticket.drainChanges()) {
            entry.belongTo(ticket.getId());
            history.save(entry);
        }
    }

    /** Keeps the last path segment, drops control characters and limits the length. */
    static String safeName(String name) {
        String n = name == null ? "" : name;
        n = n.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        n = n.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            n = "attachment";
        }
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    static String safeContentType(String type) {
        if (type == null || !type.matches("[\\w.+-]+/[\\w.+-]+")) {
            return "application/octet-stream";
        }
        return type.toLowerCase();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
