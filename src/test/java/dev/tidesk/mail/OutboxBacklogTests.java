package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A backlog (the mail of an SMTP outage) goes out in one scheduled run, batch after batch, not one
 * batch per run with the interval between runs: each mail once, to the real SMTP server.
 */
class OutboxBacklogTests extends MailTest {

    /** More than two batches of the test profile's {@code tidesk.mail.send-batch} (20). */
    private static final int BACKLOG = 45;

    @Autowired
    OutboxSender sender;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneRunSendsABacklogOfSeveralBatchesEachMailOnce() throws Exception {
        Client client = data.client("ru");
        TicketView t = data.request(client, "Сайт недоступен", "Не открывается с утра");
        // the acknowledgement, copied into a backlog of distinct mails
        jdbc.update("""
                insert into mail_outbox (event_key, ticket_id, recipient, subject, text_body, html_body, message_id,
                                         in_reply_to, auto_submitted, status, attempts, next_attempt_at, created_at)
                select 'backlog-' || g || '-' || m.event_key, m.ticket_id, m.recipient,
                       m.subject, m.text_body, m.html_body, 'backlog' || g || '-' || m.message_id, m.in_reply_to,
                       m.auto_submitted, 'PENDING', 0, m.next_attempt_at, m.created_at
                  from mail_outbox m, generate_series(1, ?) g
                 where m.ticket_id = ?""", BACKLOG - 1, t.id());
        Integer due = jdbc.queryForObject(
                "select count(*) from mail_outbox where ticket_id = ? and status = 'PENDING'", Integer.class, t.id());
        assertThat(due).isEqualTo(BACKLOG);

        sender.sendDue(); // what the scheduler calls

        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where ticket_id = ? and status = 'SENT'",
                        Integer.class,
                        t.id()))
                .isEqualTo(BACKLOG);
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : sentTo(client.login())) {
            ids.add(m.getMessageID());
        }
        assertThat(ids).hasSize(BACKLOG).doesNotHaveDuplicates();
    }
}
