package dev.tidesk.mail;

import java.time.Instant;

public record MailboxView(
        long id,
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String folder,
        String processedFolder,
        int pollSeconds,
        boolean enabled,
        Long uidValidity,
        long lastUid,
        Instant lastPollAt,
        String lastError) {

    /** The last error in a word for the page ({@code mail.error.<word>}), or null. */
    public String errorWord() {
        return MailboxErrors.wordOf(lastError);
    }
}
