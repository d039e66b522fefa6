package dev.tidesk.mail;

import dev.tidesk.mail.outbound.OutboxMail;
import dev.tidesk.mail.outbound.OutboxRepository;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.shared.CappedCount;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mail module's API on the outbox: what is queued, sent, held or failed, and an admin's retry. The
 * mailers of this module queue mail through {@link dev.tidesk.mail.outbound.OutboxQueue}.
 */
@Service
@Transactional(readOnly = true)
public class Outbox {

    private final OutboxRepository outbox;
    private final MailSettings settings;
    private final JdbcTemplate jdbc;
    private final MailSigning signing;

    private final org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender>
            mailSender;

    private final Clock clock;

    Outbox(
            OutboxRepository outbox,
            MailSettings settings,
            JdbcTemplate jdbc,
            MailSigning signing,
            org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender>
                    mailSender,
            Clock clock) {
        this.clock = clock;
        this.mailSender = mailSender;
        this.outbox = outbox;
        this.settings = settings;
        this.jdbc = jdbc;
        this.signing = signing;
    }

    /**
     * The address a staff member mails to answer the client of a request as themselves: replies sent
     * there are proven to be theirs (the token is signed), unlike a staff From, which anyone can write.
     */
    public String staffReplyAddress(long staffId, long ticketId) {
        return signing.staffReplyAddress(staffId, ticketId);
    }

    /**
     * The latest queued mail first (ids follow the order mail was queued in), for the admins' list:
     * without the bodies ({@code textBody} and {@code htmlBody} are null), which are most of a mail's
     * row and which the list does not show. {@link #mail} reads one mail whole.
     */
    public List<OutboxView> recent(int limit) {
        return jdbc.query(
                """
                select id, ticket_id, recipient, subject, status, attempts, last_error, created_at, sent_at
                  from mail_outbox order by id desc limit ?""",
                (rs, n) -> new OutboxView(
                        rs.getLong("id"),
                        rs.getObject("ticket_id", Long.class),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        null,
                        null,
                        OutboxStatus.valueOf(rs.getString("status")),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("sent_at") == null
                                ? null
                                : rs.getTimestamp("sent_at").toInstant()),
                limit);
    }

    public List<OutboxView> ofRequest(long ticketId) {
        return outbox.findByTicket(ticketId).stream().map(OutboxMail::view).toList();
    }

    public OutboxView mail(long id) {
        return outbox.findById(id).map(OutboxMail::view).orElseThrow(() -> new NotFoundException("No mail " + id));
    }

    /** The admins' tiles: the mail waiting, held back or failed, and the last day's sent mail ({@link MailTiles}). */
    public Map<OutboxStatus, CappedCount> counts() {
        return MailTiles.count(
                jdbc, "mail_outbox", OutboxStatus.class, Set.of(OutboxStatus.SENT), "sent_at", Instant.now(clock));
    }

    /** Mail that failed for good: the number admins see next to the outbox in the menu. */
    public long failedCount() {
        return outbox.countFailed();
    }

    /** Whether an SMTP server is configured, so that the outbox is being sent at all. */
    public boolean sending() {
        return mailSender.getIfAvailable() != null;
    }

    /** The newest mail queued so far (0 when none): a mark for {@link #recordAsHistory}. */
    public long lastQueued() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
    }

    /**
     * Marks the mail queued (or held back) after {@code mark} as history, sent at its time: for data
     * that tells of the past (the demo), whose notifications were never meant to reach anyone.
     *
     * @return how many mails were marked
     */
    @Transactional
    public int recordAsHistory(long mark) {
        return jdbc.update("""
                update mail_outbox set status = 'SENT', sent_at = created_at, last_error = ?
                 where status in ('PENDING', 'HELD') and id > ?""", OutboxView.HISTORY, mark);
    }

    @Transactional
    public void retry(long id) {
        outbox.findById(id)
                .orElseThrow(() -> new NotFoundException("No mail " + id))
                .retry(Instant.now(clock));
    }
}
