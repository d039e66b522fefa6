package dev.tidesk.mail.trust;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.OutboxView;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides whether an automatic mail (an acknowledgement) may go to an address: never in answer
 * to automatic mail, never to our own address or to one that bounced, and at most
 * {@link InboundSettings#autoMailsPerHour()} per address per hour. Mail kept as history (the
 * demo's, never sent) does not count: it never reached the address.
 */
@Component
public class AutoMailGuard {

    private static final ThreadLocal<String> SUPPRESSED = new ThreadLocal<>();
    private static final ThreadLocal<Boolean> SILENT = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final InboundSettings settings;
    private final MailSettings mail;

    AutoMailGuard(JdbcTemplate jdbc, InboundSettings settings, MailSettings mail) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.mail = mail;
    }

    /** Runs the work with automatic replies switched off, because what it handles is automatic mail. */
    public <T> T withoutAutoReplies(String reason, Supplier<T> work) {
        String before = SUPPRESSED.get();
        SUPPRESSED.set(reason);
        try {
            return work.get();
        } finally {
            if (before == null) {
                SUPPRESSED.remove();
            } else {
                SUPPRESSED.set(before);
            }
        }
    }

    /** Runs the work so that no mail at all goes to clients (imported history). */
    public <T> T silently(Supplier<T> work) {
        Boolean before = SILENT.get();
        SILENT.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                SILENT.remove();
            }
        }
    }

    /** Inside {@link #silently}: nothing is mailed to clients. */
    public boolean isSilent() {
        return SILENT.get() != null;
    }

    /** Why an automatic mail is held back; the code names the note admins read. */
    public enum Hold {
        AUTOMATIC("automatic"),
        OWN_ADDRESS("own-address"),
        BOUNCING("bouncing"),
        HOURLY_CAP("hourly-cap");

        private final String code;

        Hold(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    public boolean mayAutoReply(String address, Instant now) {
        return address != null && !address.isBlank() && holdBack(address, now).isEmpty();
    }

    /** Why an automatic mail to {@code address} must not go out now, or empty when it may. */
    public java.util.Optional<Hold> holdBack(String address, Instant now) {
        if (SUPPRESSED.get() != null || isSilent()) {
            return java.util.Optional.of(Hold.AUTOMATIC);
        }
        String a = address.strip().toLowerCase(Locale.ROOT);
        if (a.equalsIgnoreCase(mail.from()) || a.endsWith("@" + mail.domain())) {
            return java.util.Optional.of(Hold.OWN_ADDRESS);
        }
        // whether the address bounced, and how many automatic mails it had this hour, in one query
        Integer recent = jdbc.queryForObject(
                """
                select case when exists (select 1 from mail_bouncing_address where address = ?) then -1
                  else (select count(*) from mail_outbox where lower(recipient) = ? and auto_submitted = 'auto-replied'
                        and created_at > ? and last_error is distinct from ?) end""", Integer.class, a, a, java.sql.Timestamp.from(now.minus(Duration.ofHours(1))), OutboxView.HISTORY);
        if (recent == null || recent < 0) {
            return java.util.Optional.of(Hold.BOUNCING);
        }
        return recent < settings.autoMailsPerHour()
                ? java.util.Optional.empty()
                : java.util.Optional.of(Hold.HOURLY_CAP);
    }

    public void markBouncing(String address, String reason, Long ticketId, Instant now) {
        jdbc.update(
                """
                insert into mail_bouncing_address (address, reason, ticket_id, bounced_at) values (?, ?, ?, ?)
                on conflict (address) do update set reason = excluded.reason, ticket_id = excluded.ticket_id,
                bounced_at = excluded.bounced_at""",
                address.strip().toLowerCase(Locale.ROOT),
                reason == null ? null : reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                ticketId,
                java.sql.Timestamp.from(now));
    }

    /** An address that mailed us as a person again is no longer taken for bouncing. */
    public void clearBouncing(String address) {
        jdbc.update(
                "delete from mail_bouncing_address where address = ?",
                address.strip().toLowerCase(Locale.ROOT));
    }
}
