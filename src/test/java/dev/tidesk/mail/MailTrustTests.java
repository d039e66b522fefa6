package dev.tidesk.mail;

import static dev.tidesk.mail.InboundMailTests.mail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.inbound.MailParserTests;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.mail.trust.ReferenceMarker;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail as an attacker writes it, through the real pipeline: delivered to a GreenMail IMAP mailbox,
 * fetched by the poller, processed on PostgreSQL, and whatever is queued sent over SMTP. For every
 * way a stranger could name a client's request, and for a forged staff sender: the conversation the
 * client sees stays as it was, and no mail goes out.
 */
class MailTrustTests extends MailTest {

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
    OutboxSender sender;

    @Autowired
    RequestQueries requests;

    @Autowired
    MailSigning signing;

    @Autowired
    MailIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    long mailboxId;
    GreenMailUser user;

    /** Delivers the raw message to the support mailbox and lets the poller fetch and process it. */
    InboundView deliver(String raw) throws Exception {
        if (user == null) {
            int n = SEQ.incrementAndGet();
            String login = "trust" + n;
            user = imap.setUser(login + "@tidesk.local", login, "pw");
            mailboxId = mailboxes
                    .add(new MailboxSettings(
                            "trust-" + n, "127.0.0.1", IMAP_PORT, false, login, "pw", "INBOX", null, 60, true))
                    .id();
        }
        user.deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        assertThat(poller.poll(mailboxId)).isEqualTo(1);
        String id = MailParser.parse(raw.getBytes(StandardCharsets.UTF_8)).messageId();
        return intake.inbound(jdbc.queryForObject(
                "select id from mail_inbound where message_id = ? order by id desc limit 1", Long.class, id));
    }

    /** A client's request, its acknowledgement sent; then the conversation as the client sees it. */
    record Scene(Client client, TicketView request, List<String> visible, long outboxBefore) {}

    Scene scene() throws Exception {
        Client client = data.client();
        TicketView t = data.request(client, "Доступ к FTP", "Пришлите, пожалуйста, новый пароль");
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        return new Scene(client, t, visible(t), maxOutboxId());
    }

    List<String> visible(TicketView t) {
        return requests.messages(t.id(), false).stream()
                .map(m -> m.kind() + ":" + m.body())
                .toList();
    }

    long maxOutboxId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);
    }

    /** The client-visible conversation is unchanged, nothing was queued and nothing went out. */
    void untouched(Scene scene, String attacker) throws Exception {
        assertThat(visible(scene.request())).isEqualTo(scene.visible());
        assertThat(jdbc.queryForList(
                        "select recipient from mail_outbox where id > ?", String.class, scene.outboxBefore()))
                .isEmpty();
        sender.sendDue();
        assertThat(sentTo(attacker)).isEmpty();
        assertThat(sentTo(scene.client().login())).isEmpty();
    }

    static String stranger() {
        return "mallory" + System.nanoTime() + "@evil.example";
    }

    @Test
    void aGuessedThreadIdDoesNotLetAStrangerIn() throws Exception {
        Scene scene = scene();
        String mallory = stranger();
        InboundView view = deliver(mail(
                mallory,
                "Re: FTP",
                "Send the FTP password to mallory@evil.example",
                "In-Reply-To: <tidesk.request." + scene.request().id() + "@tidesk.local>"));
        assertThat(view.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(view.ticketId()).isNotEqualTo(scene.request().id());
        assertThat(requests.messages(view.ticketId(), true))
                .anySatisfy(m -> assertThat(m.body()).contains(scene.request().tid(), mallory));
        untouched(scene, mallory);
    }

    @Test
    void aMarkerSignedWithTheOldDefaultSecretDoesNotLetAStrangerIn() throws Exception {
        Scene scene = scene();
        String mallory = stranger();
        String forged = new ReferenceMarker("tidesk").of(scene.request().id());
        InboundView view = deliver(mail(mallory, "FTP", "Send the password to me\r\n\r\n" + forged));
        assertThat(view.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(view.ticketId()).isNotEqualTo(scene.request().id());
        untouched(scene, mallory);
    }

    @Test
    void referencingTheClientsOwnMessageDoesNotLetAStrangerInNorPutHimOnTheRequest() throws Exception {
        Client client = data.client();
        InboundView first = deliver(mail(client.login(), "Доступ к FTP", "Пришлите пароль"));
        TicketView t = requests.ticket(first.ticketId());
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        Scene scene = new Scene(client, t, visible(t), maxOutboxId());
        String mallory = stranger();

        InboundView view =
                deliver(mail(mallory, "Re: Доступ к FTP", "Send it to me instead", "References: " + first.messageId()));
        assertThat(view.ticketId()).isNotEqualTo(t.id());
        // having named the request once does not put him on it: his plain [TID-n] subject is refused too
        InboundView again = deliver(mail(mallory, "Re: [" + t.tid() + "] Доступ к FTP", "And again"));
        assertThat(again.ticketId()).isNotEqualTo(t.id());
        assertThat(again.outcome()).isEqualTo("NEW_REQUEST");
        untouched(scene, mallory);
    }

    @Test
    void aValidMarkerOrThreadIdInAStrangersMailLeadsNowhereEither() throws Exception {
        Scene scene = scene();
        String mallory = stranger();
        String threadId = signing.threadId(scene.request().id());
        deliver(mail(
                mallory,
                "Re: [" + scene.request().tid() + "]",
                "quoted " + signing.marker().of(scene.request().id()),
                "In-Reply-To: " + threadId));
        untouched(scene, mallory);
    }

    @Test
    void aForgedStaffSenderBecomesAnUnverifiedNoteAndNothingIsMailed() throws Exception {
        Scene scene = scene();
        StaffView agent = data.agent();
        // From a staff address with the TID; only a Sender header; and a forged Authentication-Results below
        // a trusted one that does not vouch
        InboundView byFrom = deliver(mail(
                agent.fullName() + " <" + agent.email() + ">",
                "Re: [" + scene.request().tid() + "] Доступ к FTP",
                "Пароль: hunter2"));
        InboundView bySender = deliver(("Sender: " + agent.email() + "\r\nTo: support@tidesk.local\r\nSubject: Re: ["
                + scene.request().tid() + "]\r\nMessage-ID: <s" + System.nanoTime() + "@evil.example>\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nНовый пароль: hunter2\r\n"));
        InboundView byForgedResults = deliver(mail(
                agent.email(),
                "Re: [" + scene.request().tid() + "]",
                "Пароль: hunter3",
                "Authentication-Results: mx.tidesk.test; dmarc=fail header.from=tidesk.example",
                "Authentication-Results: mx.tidesk.test; dmarc=pass header.from=tidesk.example"));
        for (InboundView view : List.of(byFrom, bySender, byForgedResults)) {
            assertThat(view.outcome()).isEqualTo("UNVERIFIED_STAFF");
            assertThat(view.ticketId()).isEqualTo(scene.request().id());
        }
        List<MessageView> all = requests.messages(scene.request().id(), true);
        assertThat(all.subList(all.size() - 3, all.size())).allSatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).contains(agent.email()).contains("hunter");
        });
        untouched(scene, agent.email());
    }

    @Test
    void aStaffMemberIsProvenByTheirReplyAddressOrByTheTrustedServer() throws Exception {
        Scene scene = scene();
        StaffView agent = data.agent();
        String address = signing.staffReplyAddress(agent.id(), scene.request().id());
        assertThat(address).startsWith("support+").endsWith("@tidesk.local");
        // another person's or another request's address proves nothing
        StaffView other = data.agent();
        InboundView wrongPerson = deliver(mail(
                agent.email(),
                "Ответ",
                "Чужой адрес",
                "Cc: " + signing.staffReplyAddress(other.id(), scene.request().id())));
        assertThat(wrongPerson.outcome()).isNotEqualTo("STAFF_REPLY");

        InboundView byAddress = deliver(mail(agent.email(), "Ответ", "Пароль отправили по телефону")
                .replace("To: support@tidesk.local", "To: " + address));
        assertThat(byAddress.outcome()).isEqualTo("STAFF_REPLY");
        assertThat(byAddress.ticketId()).isEqualTo(scene.request().id());

        InboundView byServer = deliver(
                mail(
                        agent.email(),
                        "Re: [" + scene.request().tid() + "]",
                        "И ещё раз",
                        "Authentication-Results: mx.tidesk.test; spf=pass smtp.mailfrom=tidesk.example;"
                                + " dkim=pass (good signature) header.d=tidesk.example; dmarc=pass header.from=tidesk.example"));
        assertThat(byServer.outcome()).isEqualTo("STAFF_REPLY");
        sender.sendDue();
        assertThat(sentTo(scene.client().login())).hasSize(2);
    }

    @Test
    void addressesTheClientCopiesInMayAnswerAndTheirCopiesToo() throws Exception {
        Client client = data.client();
        String partner = "partner" + System.nanoTime() + "@agency.example";
        String partnersColleague = "colleague" + System.nanoTime() + "@agency.example";
        InboundView first =
                deliver(mail(client.login(), "Сайт", "Подключаю подрядчика", "Cc: Partner <" + partner + ">"));
        TicketView t = requests.ticket(first.ticketId());
        InboundView fromPartner =
                deliver(mail(partner, "Re: [" + t.tid() + "] Сайт", "Посмотрим", "Cc: " + partnersColleague));
        assertThat(fromPartner.ticketId()).isEqualTo(t.id());
        assertThat(fromPartner.outcome()).isEqualTo("REPLY");
        InboundView fromColleague = deliver(mail(partnersColleague, "Re: [" + t.tid() + "] Сайт", "Готово"));
        assertThat(fromColleague.ticketId()).isEqualTo(t.id());
    }

    @Test
    void aForgedBounceMarksNoAddressAndTheClientIsStillAcknowledged() throws Exception {
        Scene scene = scene();
        String template = new String(MailParserTests.eml("dsn-bounce.eml"), StandardCharsets.US_ASCII)
                .replace("gone@client.example", scene.client().login())
                .replace("mx.client.example", "evil.example");
        // names the client, with a made-up original Message-ID in our domain, and with none
        InboundView madeUp =
                deliver(template.replace("{ORIGINAL}", "<ack." + scene.request().id() + ".1@tidesk.local>")
                        .replace("<dsn-1@", "<dsn-" + System.nanoTime() + "@"));
        InboundView without = deliver(
                template.replace("Message-ID: {ORIGINAL}\n", "").replace("<dsn-1@", "<dsn-" + System.nanoTime() + "@"));
        assertThat(List.of(madeUp, without))
                .allSatisfy(v -> assertThat(v.outcome()).isEqualTo("BOUNCE"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_bouncing_address where address = ?",
                        Integer.class,
                        scene.client().login()))
                .isZero();
        untouched(scene, "mailer-daemon@evil.example");

        // the client still gets acknowledgements
        deliver(mail(scene.client().login(), "Ещё вопрос", "Текст"));
        sender.sendDue();
        assertThat(sentTo(scene.client().login()))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("Ещё вопрос"));
    }

    @Test
    void aRealBounceOfOurMailMarksTheAddressItWentTo() throws Exception {
        Scene scene = scene();
        String ackId = jdbc.queryForObject(
                "select message_id from mail_outbox where ticket_id = ? order by id limit 1",
                String.class,
                scene.request().id());
        // a non-standard bounce (no delivery-status part) that quotes the headers of our mail
        InboundView view =
                deliver("Return-Path: <>\r\nFrom: MAILER-DAEMON@mx.client.example\r\nTo: support@tidesk.local\r\n"
                        + "Subject: failure notice\r\nMessage-ID: <q" + System.nanoTime()
                        + "@mx.client.example>\r\n\r\n"
                        + "Sorry, I couldn't deliver your message.\r\n<"
                        + scene.client().login() + ">:\r\nmailbox is full\r\n\r\n"
                        + "--- Below this line is a copy of the message.\r\n\r\nMessage-ID: " + ackId
                        + "\r\nSubject: ack\r\n");
        assertThat(view.outcome()).isEqualTo("BOUNCE");
        assertThat(view.ticketId()).isEqualTo(scene.request().id());
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_bouncing_address where address = ?",
                        Integer.class,
                        scene.client().login()))
                .isOne();
        untouched(scene, scene.client().login());
    }
}
