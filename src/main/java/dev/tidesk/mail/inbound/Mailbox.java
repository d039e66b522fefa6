package dev.tidesk.mail.inbound;

import dev.tidesk.mail.MailboxSettings;
import dev.tidesk.mail.MailboxView;
import dev.tidesk.mail.trust.SecretConverter;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A mailbox Tidesk polls. The position is the last UID taken in, valid for one UIDVALIDITY: when
 * the server changes UIDVALIDITY, every message is looked at again (and recognised by its key).
 */
@Entity
@Table(name = "mail_mailbox")
public class Mailbox {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String host;
    private int port;
    private boolean tls;
    private String username;

    @Convert(converter = SecretConverter.class)
    private String password;

    private String folder;
    private String processedFolder;
    private int pollSeconds;
    private boolean enabled;
    private Long uidValidity;
    private long lastUid;
    private Instant lastPollAt;
    private String lastError;

    protected Mailbox() {}

    public Mailbox(MailboxSettings s) {
        update(s);
    }

    public void update(MailboxSettings s) {
        if (!s.host().equals(host)
                || !s.username().equals(username)
                || !s.folder().equals(folder)) {
            uidValidity = null;
            lastUid = 0;
        }
        name = s.name();
        host = s.host();
        port = s.port();
        tls = s.tls();
        username = s.username();
        if (s.password() != null && !s.password().isEmpty()) {
            password = s.password();
        }
        if (password == null) {
            password = "";
        }
        folder = s.folder();
        processedFolder = s.processedFolder();
        pollSeconds = s.pollSeconds();
        enabled = s.enabled();
    }

    /** The server's UIDVALIDITY; a new one starts the position over. @return true when it changed */
    public boolean validity(long serverValidity) {
        if (uidValidity == null || uidValidity != serverValidity) {
            uidValidity = serverValidity;
            lastUid = 0;
            return true;
        }
        return false;
    }

    public void advance(long uid) {
        lastUid = Math.max(lastUid, uid);
    }

    public void polled(Instant now, String error) {
        lastPollAt = now;
        lastError = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
    }

    public boolean due(Instant now) {
        return enabled
                && (lastPollAt == null || !lastPollAt.plusSeconds(pollSeconds).isAfter(now));
    }

    public MailboxView view() {
        return new MailboxView(
                id,
                name,
                host,
                port,
                tls,
                username,
                folder,
                processedFolder,
                pollSeconds,
                enabled,
                uidValidity,
                lastUid,
                lastPollAt,
                lastError);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getHost() {
        return host;
    }

    public int getPort() {
        return port;
    }

    public boolean isTls() {
        return tls;
    }

    public String getUsername() {
        return username;
    }

    public String getPassword() {
        return password;
    }

    public String getFolder() {
        return folder;
    }

    public String getProcessedFolder() {
        return processedFolder;
    }

    public long getLastUid() {
        return lastUid;
    }
}
