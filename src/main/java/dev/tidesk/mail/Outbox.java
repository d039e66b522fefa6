package dev.tidesk.mail;

import dev.tidesk.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The mail module's API: put a mail in the outbox, read what is there. */
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
     * Queues a mail in the caller's transaction. The same event key and recipient are queued once,
     * however often this is called.
     *
     * @return false when that mail was queued before
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(
            String eventKey, Long ticketId, String recipient, RenderedMail mail, String autoSubmitted, Instant now) {
        return enqueue(eventKey, ticketId, recipient, mail, autoSubmitted, List.of(), now);
    }

    /** As above, with files of the request (ticket attachment ids) sent along. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean enqueue(
            String eventKey,
            Long ticketId,
            String recipient,
            RenderedMail mail,
            String autoSubmitted,
            List<Long> attachmentIds,
            Instant now) {
        String messageId = signing.newMessageId();
        String thread = ticketId == null ? null : threadId(ticketId);
        String files = attachmentIds == null || attachmentIds.isEmpty()
                ? null
                : String.join(",", attachmentIds.stream().map(String::valueOf).toList());
        // one statement, and no flush of the caller's persistence context: this runs for every request
        // opened, often several times in one transaction
        List<Long> queued = jdbc.queryForList(
                """
                insert into mail_outbox (event_key, ticket_id, recipient, subject, text_body, html_body, message_id,
                    in_reply_to, auto_submitted, attachment_ids, status, attempts, next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (event_key, recipient) do nothing returning id""",
                Long.class,
                eventKey,
                ticketId,
                recipient,
                HeaderValues.clean(mail.subject()),
                mail.text(),
                mail.html(),
                messageId,
                thread,
                autoSubmitted,
                files,
                Timestamp.from(now),
                Timestamp.from(now));
        if (!queued.isEmpty() && thread != null) {
            // the thread id carries no request id: replies that refer to it find the request by this row
            jdbc.update(
                    "insert into mail_thread_ref (message_id, ticket_id) values (?, ?) on conflict do nothing",
                    thread,
                    ticketId);
        }
        return !queued.isEmpty();
    }

    /** The Message-ID every mail of a request refers to, so mail programs thread the conversation. */
    String threadId(long ticketId) {
        return signing.threadId(ticketId);
    }

    /**
     * The address a staff member mails to answer the client of a request as themselves: replies sent
     * there are proven to be theirs (the token is signed), unlike a staff From, which anyone can write.
     */
    public String staffReplyAddress(long staffId, long ticketId) {
        return signing.staffReplyAddress(staffId, ticketId);
    }

    public List<OutboxView> recent(int limit) {
        return outbox.findRecent(PageRequest.of(0, limit)).stream()
                .map(OutboxMail::view)
                .toList();
    }

    public List<OutboxView> ofRequest(long ticketId) {
        return outbox.findByTicket(ticketId).stream().map(OutboxMail::view).toList();
    }

    public OutboxView mail(long id) {
        return outbox.findById(id).map(OutboxMail::view).orElseThrow(() -> new NotFoundException("No mail " + id));
    }

    public Map<OutboxStatus, Long> counts() {
        Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        for (OutboxStatus s : OutboxStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.query("select status, count(*) from mail_outbox group by status", (java.sql.ResultSet rs) -> {
            counts.put(OutboxStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /** Mail that failed for good: the number admins see next to the outbox in the menu. */
    public long failedCount() {
        return outbox.countByStatus(OutboxStatus.FAILED);
    }

    /** Whether an SMTP server is configured, so that the outbox is being sent at all. */
    public boolean sending() {
        return mailSender.getIfAvailable() != null;
    }

    /**
     * Keeps a mail just queued in the caller's transaction from being sent, with the reason (a
     * {@link AutoMailGuard.Hold}); the sender never sees it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void holdBack(String eventKey, String recipient, AutoMailGuard.Hold reason) {
        jdbc.update(
                "update mail_outbox set status = 'HELD', last_error = ? where event_key = ? and lower(recipient) = ?"
                        + " and status = 'PENDING'",
                OutboxView.HELD_PREFIX + reason.code(),
                eventKey,
                recipient.strip().toLowerCase(java.util.Locale.ROOT));
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
