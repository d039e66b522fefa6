package dev.tidesk.mail;

/**
 * What an admin sets for a polled mailbox.
 *
 * @param password        left empty on a change, the stored one stays
 * @param processedFolder where processed messages are moved; empty leaves them in place, marked seen
 */
public record MailboxSettings(
        String name,
        String host,
        int port,
        boolean tls,
        String username,
        String password,
        String folder,
        String processedFolder,
        int pollSeconds,
        boolean enabled) {

    public MailboxSettings {
        name = name == null ? "" : name.strip();
        host = host == null ? "" : host.strip();
        username = username == null ? "" : username.strip();
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        processedFolder = processedFolder == null || processedFolder.isBlank() ? null : processedFolder.strip();
        pollSeconds = pollSeconds <= 0 ? 60 : pollSeconds;
        port = port <= 0 ? (tls ? 993 : 143) : port;
    }
}
