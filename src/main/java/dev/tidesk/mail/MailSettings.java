package dev.tidesk.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from        the support address: sender and Reply-To of every mail
 * @param fromName    the name shown with it
 * @param domain      the domain of the Message-IDs Tidesk makes
 * @param maxAttempts how often a temporarily failing mail is tried before it is marked failed
 * @param retryDelay  the wait after a mail's first temporary failure; it doubles with each further one
 * @param maxRetryDelay the longest wait between two attempts
 * @param replySeparator what joins the support address's local part and a staff reply token
 *                    ({@code support+<token>@...}: plus-addressing, which most mail servers deliver to
 *                    {@code support@...}); {@code -} for servers configured that way
 * @param sendBatch   how many mails the outbox sender takes between two looks at how long its run has
 *                    gone on; a run goes on batch after batch while full batches are due
 */
@ConfigurationProperties("tidesk.mail")
public record MailSettings(
        String from,
        String fromName,
        String domain,
        Duration sendInterval,
        int maxAttempts,
        Duration retryDelay,
        Duration maxRetryDelay,
        String replySeparator,
        int sendBatch) {

    public MailSettings {
        from = from == null ? "support@tidesk.local" : from;
        fromName = fromName == null ? "Tidesk" : fromName;
        domain = domain == null ? "tidesk.local" : domain;
        sendInterval = sendInterval == null ? Duration.ofSeconds(5) : sendInterval;
        maxAttempts = maxAttempts <= 0 ? 16 : maxAttempts;
        retryDelay = retryDelay == null ? Duration.ofSeconds(30) : retryDelay;
        maxRetryDelay = maxRetryDelay == null ? Duration.ofHours(1) : maxRetryDelay;
        replySeparator = replySeparator == null || replySeparator.isBlank() ? "+" : replySeparator.strip();
        sendBatch = sendBatch <= 0 ? 200 : sendBatch;
    }
}
