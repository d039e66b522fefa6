package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The collection of automatic mail in src/test/resources/eml/automatic (see its README), one message
 * per format, through the real pipeline (GreenMail IMAP, the poller, PostgreSQL): none opens a
 * request or gets an answer; each is stored with its kind, and noted on the request of the mail it
 * is about when it names one of ours. Only a report about a mail we really sent marks the address.
 */
class AutomaticMailTests extends MailTest {

    private static final int IMAP_PORT = freePort();
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 100000));

    @RegisterExtension
    static final GreenMailExtension imap = new GreenMailExtension(
                    new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withPerMethodLifecycle(false);

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailboxPoller poller;

    @Autowired
    MailIntake intake;

    @Autowired
    OutboxSender sender;

    @Autowired
    RequestQueries requests;

    @Autowired
    JdbcTemplate jdbc;

    /** lands: EXISTING = a note on the client's request; NONE = stored only. marks: the client's address bounces. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # file                         | kind            | lands    | marks
        postfix.eml                    | BOUNCE          | EXISTING | true
        exim.eml                       | BOUNCE          | EXISTING | true
        sendmail.eml                   | BOUNCE          | EXISTING | true
        qmail.eml                      | BOUNCE          | EXISTING | true
        exchange-online.eml            | BOUNCE          | EXISTING | true
        gmail.eml                      | BOUNCE          | EXISTING | true
        yahoo.eml                      | BOUNCE          | EXISTING | true
        mailru.eml                     | BOUNCE          | EXISTING | true
        yandex.eml                     | BOUNCE          | EXISTING | true
        amazon-ses.eml                 | BOUNCE          | EXISTING | true
        lotus-domino.eml               | BOUNCE          | EXISTING | true
        report-without-type.eml        | BOUNCE          | EXISTING | true
        null-sender-undeliverable.eml  | BOUNCE          | NONE     | false
        arf-feedback.eml               | FEEDBACK_REPORT | EXISTING | false
        abuse-report-no-type.eml       | FEEDBACK_REPORT | NONE     | false
        autoreply-en-rfc3834.eml       | AUTO_REPLY      | EXISTING | false
        autoreply-ru-subject.eml       | AUTO_REPLY      | NONE     | false
        read-receipt-mdn.eml           | AUTO_REPLY      | EXISTING | false
        mailing-list.eml               | MAILING_LIST    | NONE     | false
        no-reply.eml                   | NO_REPLY        | NONE     | false
        list-bounces-sender.eml        | NO_REPLY        | NONE     | false
        """)
    void automaticMailOpensNothingAndIsAnsweredByNobody(String file, String kind, String lands, boolean marks)
            throws Exception {
        int n = SEQ.incrementAndGet();
        Client client = data.client();
        TicketView request = data.request(client, "Форма обратной связи", "Не работает");
        String ack = jdbc.queryForObject(
                "select message_id from mail_outbox where ticket_id = ? order by id limit 1",
                String.class,
                request.id());
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        List<MessageView> before = requests.messages(request.id(), true);
        long tickets = jdbc.queryForObject("select count(*) from ticket", Long.class);
        long outbox = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);

        String raw = new String(eml(file), StandardCharsets.UTF_8)
                .replace("{CONTACT}", client.login())
                .replace("{ACK}", ack)
                .replace("{TID}", request.tid())
                .replace("{N}", Integer.toString(n) + System.nanoTime());
        InboundView view = deliver(n, raw);

        assertThat(view.outcome())
                .as("outcome; last error %s", view.lastError())
                .isEqualTo(kind);
        assertThat(jdbc.queryForObject("select count(*) from ticket", Long.class))
                .as("requests opened")
                .isEqualTo(tickets);
        assertThat(jdbc.queryForList("select recipient from mail_outbox where id > ?", String.class, outbox))
                .as("mail queued")
                .isEmpty();
        List<MessageView> after = requests.messages(request.id(), true);
        if (lands.equals("EXISTING")) {
            assertThat(view.ticketId()).isEqualTo(request.id());
            assertThat(after)
                    .hasSize(before.size() + 1)
                    .last()
                    .satisfies(m -> assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE));
        } else {
            assertThat(view.ticketId()).isNull();
            assertThat(after).hasSize(before.size());
        }
        assertThat(requests.ticket(request.id()).status()).isEqualTo(Status.NEW);
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_bouncing_address where address = ?", Integer.class, client.login()))
                .isEqualTo(marks ? 1 : 0);
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    GreenMailUser user;
    long mailboxId;

    InboundView deliver(int n, String raw) throws Exception {
        if (user == null) {
            String login = "auto" + n;
            user = imap.setUser(login + "@tidesk.local", login, "pw");
            mailboxId = mailboxes
                    .add(new MailboxSettings(
                            "auto-" + n, "127.0.0.1", IMAP_PORT, false, login, "pw", "INBOX", null, 60, true))
                    .id();
        }
        user.deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        assertThat(poller.poll(mailboxId)).isEqualTo(1);
        return intake.inbound(jdbc.queryForObject(
                "select max(id) from mail_inbound where source = ?",
                Long.class,
                mailboxes.mailbox(mailboxId).name()));
    }

    static byte[] eml(String name) {
        try (InputStream in = AutomaticMailTests.class.getResourceAsStream("/eml/automatic/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
