package dev.tidesk.mail.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the parser read from a raw message. Every field is best effort: a broken part leaves a
 * warning, never an exception.
 *
 * @param headers   the first value of every header, names in lower case, raw (not decoded)
 * @param forwarded the messages attached whole (message/rfc822, "forward as attachment"), read
 */
public record ParsedMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        String fromAddress,
        String fromName,
        String subject,
        Instant sentAt,
        String text,
        String html,
        List<Part> attachments,
        Map<String, String> headers,
        Dsn dsn,
        List<String> warnings,
        List<Forwarded> forwarded) {

    /** A message forwarded as an attachment, as its reader needs it: who wrote it, when, and what. */
    record Forwarded(String fromAddress, String fromName, String subject, Instant sentAt, String text) {}

    /** A file of the message; {@code contentId} is set for inline images referred to as {@code cid:}. */
    public record Part(String filename, String contentType, byte[] content, String contentId, boolean inline) {}

    /** A delivery status notification (multipart/report; report-type=delivery-status). */
    record Dsn(String originalMessageId, String finalRecipient, String action, String status, String diagnostic) {}

    public String header(String name) {
        return headers.get(name.toLowerCase());
    }

    public boolean hasHeader(String name) {
        return headers.containsKey(name.toLowerCase());
    }

    /** In-Reply-To first, then References from the newest to the oldest. */
    List<String> referencedIds() {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }
}
