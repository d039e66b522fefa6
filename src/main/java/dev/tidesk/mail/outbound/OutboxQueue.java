package dev.tidesk.mail.outbound;

import dev.tidesk.mail.OutboxView;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.MailSigning;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts mail in the outbox, always in the transaction of the change the mail tells about, so a mail
 * exists exactly when its change does; {@link OutboxSender} sends it later.
 */
@Component
public class OutboxQueue {

    private final JdbcTemplate jdbc;
    private final MailSigning signing;

    OutboxQueue(JdbcTemplate jdbc, MailSigning signing) {
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
    public boolean enqueue(
            String eventKey, Long ticketId, String recipient, RenderedMail mail, String autoSubmitted, Instant now) {
        return enqueue(eventKey, ticketId, recipient, mail, autoSubmitted, List.of(), now);
    }

    /** As above, with files of the request (ticket attachment ids) sent along. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(
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
    public String threadId(long ticketId) {
        return signing.threadId(ticketId);
    }

    /**
     * Keeps a mail just queued in the caller's transaction from being sent, with the reason (a
     * {@link AutoMailGuard.Hold}); the sender never sees it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdBack(String eventKey, String recipient, AutoMailGuard.Hold reason) {
        jdbc.update(
                "update mail_outbox set status = 'HELD', last_error = ? where event_key = ? and lower(recipient) = ?"
                        + " and status = 'PENDING'",
                OutboxView.HELD_PREFIX + reason.code(),
                eventKey,
                recipient.strip().toLowerCase(java.util.Locale.ROOT));
    }
}
