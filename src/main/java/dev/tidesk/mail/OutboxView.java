package dev.tidesk.mail;

import java.time.Instant;

public record OutboxView(
        long id,
        Long ticketId,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        OutboxStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    /** Why Tidesk did not send the mail, as a message key; recorded instead of an error. */
    public static final String HISTORY = "history";

    public static final String HELD_PREFIX = "held.";

    /** The label of the mail's state: its status, or "history" for a mail of the past that was never sent. */
    public String statusKey() {
        return "outbox.note.history".equals(note()) ? "outbox.status.history" : "outbox.status." + status;
    }

    /**
     * The message key of a note that says in words what Tidesk did with this mail instead of
     * sending it (held back, or kept as history), or null when it went the normal way.
     */
    public String note() {
        if (lastError == null) {
            return null;
        }
        if (status == OutboxStatus.HELD && lastError.startsWith(HELD_PREFIX)) {
            return "outbox.note." + lastError;
        }
        if (status == OutboxStatus.SENT && lastError.equals(HISTORY)) {
            return "outbox.note.history";
        }
        return null;
    }
}
