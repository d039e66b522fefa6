package dev.tidesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of incoming mail.
 *
 * @param maxSizeBytes       larger messages are not taken in; the sender gets a polite reply (default 25 MB)
 * @param reopenDays         a reply to a closed request reopens it within this many days of closing, later it opens a new linked request
 * @param autoMailsPerHour   at most this many automatic mails (acknowledgements) to one address per hour
 * @param maxAttempts        a message that fails this often goes to quarantine
 * @param pollInterval       how often the poller looks which mailboxes are due
 * @param processInterval    how often stored messages that failed before are tried again
 * @param triageOrganization the organization one-off senders are filed under (R7)
 * @param previousMarkerSecrets secrets that signed the body markers of mails sent before the marker key was
 *                           derived from the secret key: such markers still verify (new ones never use them)
 * @param trustedAuthservId  the authserv-id of the receiving mail server whose Authentication-Results header
 *                           Tidesk trusts to prove a staff sender (DMARC or aligned DKIM pass); none by default
 * @param smtp               the built-in SMTP receiver
 * @param mailboxes          IMAP mailboxes set up by properties ({@code tidesk.mail.inbound.mailboxes[0].host=...});
 *                           added or updated by name at start, the admin page shows them too
 */
@ConfigurationProperties("tidesk.mail.inbound")
public record InboundSettings(
        long maxSizeBytes,
        int reopenDays,
        int autoMailsPerHour,
        int maxAttempts,
        Duration pollInterval,
        Duration processInterval,
        String triageOrganization,
        java.util.List<String> previousMarkerSecrets,
        String trustedAuthservId,
        Smtp smtp,
        java.util.List<MailboxSettings> mailboxes) {

    public InboundSettings {
        maxSizeBytes = maxSizeBytes <= 0 ? 25L * 1024 * 1024 : maxSizeBytes;
        reopenDays = reopenDays <= 0 ? 14 : reopenDays;
        autoMailsPerHour = autoMailsPerHour <= 0 ? 5 : autoMailsPerHour;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        pollInterval = pollInterval == null ? Duration.ofSeconds(10) : pollInterval;
        processInterval = processInterval == null ? Duration.ofSeconds(30) : processInterval;
        triageOrganization =
                triageOrganization == null || triageOrganization.isBlank() ? "Разовые обращения" : triageOrganization;
        previousMarkerSecrets =
                previousMarkerSecrets == null ? java.util.List.of() : java.util.List.copyOf(previousMarkerSecrets);
        trustedAuthservId = trustedAuthservId == null || trustedAuthservId.isBlank() ? null : trustedAuthservId.strip();
        smtp = smtp == null ? new Smtp(false, 2525, "0.0.0.0", 0) : smtp;
        mailboxes = mailboxes == null ? java.util.List.of() : java.util.List.copyOf(mailboxes);
    }

    /**
     * @param enabled off by default; {@code port} and {@code bindAddress} where it listens
     * @param processingThreads how many stored messages are processed at once (default 4; see
     *     docs/benchmarks.md, "Inbound mail on a million requests")
     */
    public record Smtp(boolean enabled, int port, String bindAddress, int processingThreads) {

        public Smtp {
            port = port <= 0 ? 2525 : port;
            bindAddress = bindAddress == null || bindAddress.isBlank() ? "0.0.0.0" : bindAddress;
            processingThreads = processingThreads <= 0 ? 4 : processingThreads;
        }
    }
}
