package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.Customers;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.inbound.MailParserTests;
import dev.tidesk.mail.inbound.ParsedMail;
import dev.tidesk.mail.inbound.StoredMail;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inbound mail over real IMAP (GreenMail) and out over real SMTP: the whole conversation by mail,
 * a poll killed at every stage, one message in two mailboxes, a UIDVALIDITY change, loops and bounces.
 */
@Tag("database")
class InboundMailTests extends MailTest {

    /** A free port per run, so that builds running side by side on one machine never collide. */
    static final int IMAP_PORT = freePort();

    private static final AtomicInteger SEQ = new AtomicInteger();

    @RegisterExtension
    static final GreenMailExtension imap = new GreenMailExtension(
                    new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP))
            .withPerMethodLifecycle(false);

    @Autowired
    dev.tidesk.TestClock clock;

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailboxPoller poller;

    @Autowired
    MailIntake intake;

    @Autowired
    OutboxSender sender;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries requests;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MailSigning signing;

    record Box(long id, GreenMailUser user) {
        void deliver(String raw) throws Exception {
            user.deliver(new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        }
    }

    Box mailbox() {
        return mailbox(null);
    }

    Box mailbox(String processedFolder) {
        int n = SEQ.incrementAndGet() + (int) (System.nanoTime() % 100000);
        String login = "support" + n;
        GreenMailUser user = imap.setUser(login + "@tidesk.local", login, "pw");
        MailboxView view = mailboxes.add(new MailboxSettings(
                "box-" + n, "127.0.0.1", IMAP_PORT, false, login, "pw", "INBOX", processedFolder, 60, true));
        return new Box(view.id(), user);
    }

    static String mail(String from, String subject, String body, String... extraHeaders) {
        String id = "<m" + System.nanoTime() + "@client.example>";
        return "From: " + from + "\r\nTo: support@tidesk.local\r\nSubject: " + subject + "\r\nMessage-ID: " + id
                + "\r\nDate: Mon, 3 Mar 2025 10:00:00 +0300\r\n"
                + String.join(
                        "", Arrays.stream(extraHeaders).map(h -> h + "\r\n").toList())
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    List<TicketView> requestsOf(Client client) {
        return requests.organizationRequests(client.organization().id(), "", "", 0, 100)
                .getContent();
    }

    @Test
    void theWholeConversationByMailStaysInOneRequest() throws Exception {
        Client client = data.client();
        Box box = mailbox();
        box.deliver(mail(
                client.login(),
                "=?UTF-8?B?"
                        + java.util.Base64.getEncoder()
                                .encodeToString("Сайт не открывается".getBytes(StandardCharsets.UTF_8))
                        + "?=",
                "Ошибка 502 с утра"));

        assertThat(poller.poll(box.id())).isEqualTo(1);
        List<TicketView> opened = requestsOf(client);
        assertThat(opened).singleElement().satisfies(t -> {
            assertThat(t.subject()).isEqualTo("Сайт не открывается");
            assertThat(t.channel()).isEqualTo(Channel.EMAIL);
            assertThat(t.contactId()).isEqualTo(client.contact().id());
        });
        TicketView ticket = opened.get(0);

        sender.sendDue();
        assertThat(sentTo(client.login()))
                .singleElement()
                .satisfies(ack -> assertThat(ack.getSubject()).startsWith("[" + ticket.tid() + "]"));

        StaffView agent = data.agent();
        desk.reply(
                ticket.id(),
                Actor.staff(agent.id(), agent.fullName()),
                "Перезапустили сервер",
                List.of(new dev.tidesk.ticket.NewAttachment(
                        "Отчёт №1.pdf", "application/pdf", "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII))));
        sender.sendDue();
        MimeMessage reply = sentTo(client.login()).get(1);
        assertThat(reply.getSubject()).contains("Новый ответ");
        java.io.ByteArrayOutputStream replyBytes = new java.io.ByteArrayOutputStream();
        reply.writeTo(replyBytes);
        ParsedMail replyMail = MailParser.parse(replyBytes.toByteArray());
        assertThat(replyMail.text()).contains("Перезапустили сервер");
        assertThat(replyMail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("Отчёт №1.pdf");
            assertThat(new String(a.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 report");
        });

        // the client answers from a mail program that keeps In-Reply-To but drops the TID from the subject
        box.deliver(mail(
                client.login(),
                "Re: ok",
                "Заработало, спасибо!\r\n\r\n> Перезапустили сервер",
                "In-Reply-To: " + reply.getMessageID()));
        assertThat(poller.poll(box.id())).isEqualTo(1);

        assertThat(requestsOf(client)).hasSize(1);
        List<MessageView> conversation = requests.messages(ticket.id(), true);
        assertThat(conversation)
                .extracting(MessageView::kind)
                .containsExactly(MessageKind.CLIENT, MessageKind.STAFF_REPLY, MessageKind.CLIENT);
        assertThat(conversation.get(2).body()).isEqualTo("Заработало, спасибо!");
        sender.sendDue();
        assertThat(sentTo(client.login())).hasSize(2);
        assertThat(poller.poll(box.id())).isZero();
    }

    @Test
    void aPollKilledAtAnyStageLosesNothingAndDuplicatesNothing() throws Exception {
        Client client = data.client();
        Box box = mailbox();
        for (String stage : List.of("stored", "processed", "advanced")) {
            box.deliver(mail(client.login(), "Killed after " + stage, "body"));
            MailboxPoller.crashAt = stage;
            try {
                assertThatThrownBy(() -> poller.poll(box.id())).isInstanceOf(MailboxPoller.SimulatedCrash.class);
            } finally {
                MailboxPoller.crashAt = null;
            }
            poller.poll(box.id());
        }
        intake.processDue(100);
        assertThat(requestsOf(client))
                .extracting(TicketView::subject)
                .containsExactlyInAnyOrder("Killed after stored", "Killed after processed", "Killed after advanced");
        assertThat(poller.poll(box.id())).isZero();
        assertThat(requestsOf(client)).hasSize(3);
    }

    @Test
    void aMessageTakenInJustBeforeTheConnectionDroppedIsMovedByTheNextPoll() throws Exception {
        Client client = data.client();
        Box box = mailbox("Tidesk");
        box.deliver(mail(client.login(), "Connection dropped", "body"));
        MailboxPoller.crashAt = "advanced";
        try {
            assertThatThrownBy(() -> poller.poll(box.id())).isInstanceOf(MailboxPoller.SimulatedCrash.class);
        } finally {
            MailboxPoller.crashAt = null;
        }
        var host = imap.getManagers().getImapHostManager();
        assertThat(host.getInbox(box.user()).getMessageCount()).isEqualTo(1);

        assertThat(poller.poll(box.id())).isZero();

        assertThat(host.getInbox(box.user()).getMessageCount()).isZero();
        assertThat(host.getFolder(box.user(), "Tidesk").getMessageCount()).isEqualTo(1);
        assertThat(requestsOf(client)).extracting(TicketView::subject).containsExactly("Connection dropped");
    }

    @Test
    void oneMessageInTwoMailboxesMakesOneRequest() throws Exception {
        Client client = data.client();
        Box first = mailbox();
        Box second = mailbox();
        String raw = mail(client.login(), "To both addresses", "body");
        first.deliver(raw);
        second.deliver(raw);
        poller.poll(first.id());
        poller.poll(second.id());
        assertThat(requestsOf(client)).hasSize(1);
        String messageId =
                MailParser.parse(raw.getBytes(StandardCharsets.UTF_8)).messageId();
        assertThat(jdbc.queryForList(
                        "select outcome from mail_inbound where message_id = ? order by id", String.class, messageId))
                .containsExactly("NEW_REQUEST", "DUPLICATE");
    }

    @Test
    void aNewUidValidityMakesThePollerLookAgainWithoutDuplicates() throws Exception {
        Client client = data.client();
        Box box = mailbox();
        box.deliver(mail(client.login(), "Before the change", "body"));
        poller.poll(box.id());
        // the server renumbered its messages: an old position would skip everything
        jdbc.update("update mail_mailbox set uid_validity = uid_validity + 1, last_uid = 1000 where id = ?", box.id());
        box.deliver(mail(client.login(), "After the change", "body"));
        assertThat(poller.poll(box.id())).isEqualTo(1);
        assertThat(requestsOf(client))
                .extracting(TicketView::subject)
                .containsExactlyInAnyOrder("Before the change", "After the change");
        assertThat(mailboxes.mailbox(box.id()).lastUid()).isEqualTo(2);
    }

    @Test
    void automaticMailIsTakenInButNeverAcknowledged() throws Exception {
        Client client = data.client();
        // a monitoring alert is automatic but starts something: a request, without acknowledgement
        TicketView t = intake.receive(
                                        "test",
                                        mail(
                                                        client.login(),
                                                        "Monitoring: site down",
                                                        "HTTP 502",
                                                        "Auto-Submitted: auto-generated")
                                                .getBytes(StandardCharsets.UTF_8))
                                .ticketId()
                        == null
                ? null
                : requestsOf(client).get(0);
        assertThat(t).isNotNull();
        // an out-of-office answering nothing we know opens nothing
        InboundView away = intake.receive(
                "test",
                mail(client.login(), "Out of office", "I am away", "Auto-Submitted: auto-replied")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(away.status()).isEqualTo(InboundStatus.IGNORED);
        assertThat(away.outcome()).isEqualTo("AUTO_REPLY");
        assertThat(requestsOf(client)).hasSize(1);
        intake.receive(
                "test",
                mail(client.login(), "A person", "Hello", "Auto-Submitted: no").getBytes(StandardCharsets.UTF_8));
        sender.sendDue();
        assertThat(sentTo(client.login()))
                .extracting(MimeMessage::getSubject)
                .singleElement()
                .satisfies(s -> assertThat(s).contains("A person"));
    }

    @Test
    void atMostFiveAcknowledgementsPerAddressAndHour() throws Exception {
        Client client = data.client();
        for (int i = 0; i < 7; i++) {
            intake.receive("test", mail(client.login(), "Request " + i, "body").getBytes(StandardCharsets.UTF_8));
        }
        assertThat(requestsOf(client)).hasSize(7);
        sender.sendDue();
        assertThat(sentTo(client.login())).hasSize(5);
    }

    @Test
    void ourOwnMailIsIgnored() {
        InboundView view = intake.receive(
                "test",
                mail("someone@client.example", "Loop", "body", "X-Tidesk-Loop: tidesk.local")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(view.status()).isEqualTo(InboundStatus.IGNORED);
        assertThat(view.outcome()).isEqualTo("OWN_MAIL");
    }

    @Test
    void aBounceBecomesANoteMarksTheAddressAndOpensNoRequest() throws Exception {
        Client client = data.client();
        TicketView t = data.request(client, "Bounce me", "body");
        String ackId =
                jdbc.queryForObject("select message_id from mail_outbox where ticket_id = ?", String.class, t.id());
        String dsn = new String(MailParserTests.eml("dsn-bounce.eml"), StandardCharsets.US_ASCII)
                .replace("{ORIGINAL}", ackId)
                .replace("gone@client.example", client.login())
                .replace("<dsn-1@", "<dsn-" + System.nanoTime() + "@");
        InboundView view = intake.receive("test", dsn.getBytes(StandardCharsets.US_ASCII));
        assertThat(view.outcome()).isEqualTo("BOUNCE");
        assertThat(view.ticketId()).isEqualTo(t.id());
        assertThat(requestsOf(client)).hasSize(1);
        assertThat(requests.messages(t.id(), true)).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            // written in the installation's language (ru), from the bundle
            assertThat(m.body())
                    .startsWith("Письмо не доставлено на " + client.login() + ": ")
                    .contains("5.1.1");
        });
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.NEW);
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_bouncing_address where address = ?", Integer.class, client.login()))
                .isEqualTo(1);
    }

    @Test
    void theTidInTheSubjectCountsOnlyFromSomeoneWhoBelongsToTheRequest() {
        Client client = data.client();
        TicketView t = data.request(client, "Subject threading", "body");
        String colleague =
                "colleague" + System.nanoTime() + "@" + client.organization().emailDomain();
        InboundView fromColleague = intake.receive(
                "test",
                mail(colleague, "Re: [" + t.tid() + "] ещё", "Добавлю деталей").getBytes(StandardCharsets.UTF_8));
        assertThat(fromColleague.ticketId()).isEqualTo(t.id());
        assertThat(fromColleague.outcome()).isEqualTo("REPLY");

        String stranger = "stranger" + System.nanoTime() + "@elsewhere.example";
        InboundView fromStranger = intake.receive(
                "test",
                mail(stranger, "Re: [" + t.tid() + "] ещё", "Чужое письмо").getBytes(StandardCharsets.UTF_8));
        assertThat(fromStranger.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(fromStranger.ticketId()).isNotEqualTo(t.id());
        assertThat(requests.messages(fromStranger.ticketId(), true))
                .anySatisfy(m -> assertThat(m.body()).contains(t.tid(), stranger));
        assertThat(requests.ticket(fromStranger.ticketId()).organizationName()).isEqualTo("Разовые обращения");
    }

    @Test
    void anAutoreplyFoundOnlyByTheTidInItsSubjectCountsOnlyFromSomeoneWhoBelongsToTheRequest() {
        Client client = data.client();
        TicketView t = data.request(client, "Autoreply by subject", "body");
        int before = requests.messages(t.id(), true).size();

        String stranger = "stranger" + System.nanoTime() + "@elsewhere.example";
        InboundView fromStranger = intake.receive(
                "test",
                mail(stranger, "Автоответ: Re: [" + t.tid() + "] тема", "Я в отпуске", "Auto-Submitted: auto-replied")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(fromStranger.outcome()).isEqualTo("AUTO_REPLY");
        assertThat(fromStranger.ticketId()).isNull();
        assertThat(requests.messages(t.id(), true)).hasSize(before);

        InboundView fromContact = intake.receive(
                "test",
                mail(
                                client.login(),
                                "Автоответ: Re: [" + t.tid() + "] тема",
                                "Я в отпуске до понедельника",
                                "Auto-Submitted: auto-replied")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(fromContact.ticketId()).isEqualTo(t.id());
        assertThat(requests.messages(t.id(), true)).hasSize(before + 1).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).startsWith("Автоответ от " + client.login()).contains("Я в отпуске до понедельника");
        });
        assertThat(requests.ticket(t.id()).status()).isEqualTo(Status.NEW);
    }

    @Test
    void aReplyToARequestClosedLongAgoOpensANewLinkedOne() {
        Client client = data.client();
        TicketView recent = data.request(client, "Closed yesterday", "body");
        TicketView old = data.request(client, "Closed long ago", "body");
        clock.advance(Duration.ofDays(-30));
        desk.changeStatus(old.id(), Status.CLOSED, Actor.system());
        clock.reset();
        desk.changeStatus(recent.id(), Status.CLOSED, Actor.system());

        InboundView reopened = intake.receive(
                "test",
                mail(client.login(), "Re: [" + recent.tid() + "]", "Снова").getBytes(StandardCharsets.UTF_8));
        assertThat(reopened.ticketId()).isEqualTo(recent.id());
        assertThat(requests.ticket(recent.id()).status()).isEqualTo(Status.OPEN);

        InboundView linked = intake.receive(
                "test", mail(client.login(), "Re: [" + old.tid() + "]", "Снова").getBytes(StandardCharsets.UTF_8));
        assertThat(linked.outcome()).isEqualTo("NEW_LINKED");
        assertThat(requests.ticket(old.id()).status()).isEqualTo(Status.CLOSED);
        assertThat(requests.messages(linked.ticketId(), true))
                .anySatisfy(m -> assertThat(m.body()).contains(old.tid()));
    }

    /** The seed: support speaks to the client. A specialist's proven mail is an internal note, as on the page. */
    @Test
    void aSpecialistReplyingByMailWritesAnInternalNoteThatTheClientNeverGets() throws Exception {
        Client client = data.client();
        TicketView t = data.request(client, "Specialist by mail", "body");
        StaffView specialist = context.getBean(dev.tidesk.team.StaffDirectory.class)
                .hire(
                        "Павел Верстальщиков",
                        "spec" + System.nanoTime() + "@tidesk.example",
                        dev.tidesk.identity.Role.SPECIALIST,
                        dev.tidesk.team.Specialty.DEVELOPER,
                        dev.tidesk.TestData.PASSWORD);
        int publicBefore = requests.messages(t.id(), false).size();
        InboundView mail = intake.receive(
                "test",
                mail(
                                specialist.email(),
                                "Re: [" + t.tid() + "] Specialist by mail",
                                "Поправил шаблон на тестовой копии")
                        .replace(
                                "To: support@tidesk.local", "To: " + signing.staffReplyAddress(specialist.id(), t.id()))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(mail.outcome()).isEqualTo("STAFF_NOTE");
        assertThat(requests.messages(t.id(), false))
                .as("nothing new for the client")
                .hasSize(publicBefore);
        assertThat(requests.messages(t.id(), true)).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).contains("Поправил шаблон");
        });
    }

    @Test
    void staffReplyingByMailPostsAStaffReplyAndStrayStaffMailIsQuarantined() throws Exception {
        Client client = data.client();
        TicketView t = data.request(client, "Staff by mail", "body");
        StaffView agent = data.agent();
        InboundView reply = intake.receive(
                "test",
                mail(agent.email(), "Re: [" + t.tid() + "] Staff by mail", "Посмотрим сегодня")
                        .replace("To: support@tidesk.local", "To: " + signing.staffReplyAddress(agent.id(), t.id()))
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(reply.outcome()).isEqualTo("STAFF_REPLY");
        assertThat(requests.messages(t.id(), false)).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.STAFF_REPLY);
            assertThat(m.fromStaff()).isTrue();
        });

        InboundView stray =
                intake.receive("test", mail(agent.email(), "Lunch?", "body").getBytes(StandardCharsets.UTF_8));
        assertThat(stray.status()).isEqualTo(InboundStatus.QUARANTINED);
        assertThat(stray.lastError()).contains("belongs to no request");
        assertThat(intake.recent(InboundStatus.QUARANTINED, 500))
                .extracting(InboundView::id)
                .contains(stray.id());
    }

    @Test
    void anUnknownSenderFromAKnownDomainBecomesAContactThere() {
        Client client = data.client();
        String newcomer =
                "newcomer" + System.nanoTime() + "@" + client.organization().emailDomain();
        InboundView view = intake.receive(
                "test",
                ("From: =?UTF-8?B?"
                                + java.util.Base64.getEncoder()
                                        .encodeToString("Пётр Новиков".getBytes(StandardCharsets.UTF_8))
                                + "?= <" + newcomer + ">\r\nSubject: Привет\r\nMessage-ID: <n" + System.nanoTime()
                                + "@x>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(requests.ticket(view.ticketId()).organizationId())
                .isEqualTo(client.organization().id());
        assertThat(customers.contactByEmail(newcomer)).hasValueSatisfying(c -> {
            assertThat(c.fullName()).isEqualTo("Пётр Новиков");
            assertThat(c.organizationId()).isEqualTo(client.organization().id());
        });
    }

    @Test
    void aMessageOverTheSizeLimitKeepsItsHeaderAndGetsAPoliteReply() throws Exception {
        Client client = data.client();
        StringBuilder big = new StringBuilder(mail(client.login(), "Huge video", ""));
        String line = "A".repeat(998) + "\r\n";
        while (big.length() < 26 * 1024 * 1024) {
            big.append(line);
        }
        InboundView view = intake.receive("test", big.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(view.status()).isEqualTo(InboundStatus.IGNORED);
        assertThat(view.outcome()).isEqualTo("TOO_LARGE");
        assertThat(intake.raw(view.id()).length).isLessThan(300 * 1024);
        assertThat(requestsOf(client)).isEmpty();
        sender.sendDue();
        assertThat(sentTo(client.login()))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your message was not accepted: Huge video"));
    }

    @Test
    void theSameMessageStoredTwiceIsOneRowAndOneRequest() {
        Client client = data.client();
        byte[] raw = mail(client.login(), "Twice", "body").getBytes(StandardCharsets.UTF_8);
        StoredMail first = intake.store("smtp", raw);
        StoredMail again = intake.store("smtp", raw);
        assertThat(first.created()).isTrue();
        assertThat(again).isEqualTo(new StoredMail(first.id(), false));
        intake.process(first.id());
        intake.process(first.id());
        assertThat(requestsOf(client)).hasSize(1);

        byte[] noId = ("From: " + client.login() + "\r\nSubject: no id " + System.nanoTime() + "\r\n\r\nbody\r\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(intake.store("smtp", noId).id())
                .isEqualTo(intake.store("smtp", noId).id());
    }

    @Test
    void aRedeliveredCopyIsRecognisedButADifferentMessageWithAReusedIdIsProcessed() {
        Client client = data.client();
        String raw = mail(client.login(), "Reused id", "Первое письмо");
        String id = MailParser.parse(raw.getBytes(StandardCharsets.UTF_8)).messageId();
        InboundView first = intake.receive("smtp", raw.getBytes(StandardCharsets.UTF_8));
        assertThat(first.outcome()).isEqualTo("NEW_REQUEST");

        // the same message again, with a trace header more and other line ends: one row, nothing new
        String redelivered = "Received: from mx2.client.example by tidesk.local; Mon, 3 Mar 2025 10:05:00 +0300\r\n"
                + raw.replace("\r\n", "\n");
        StoredMail copy = intake.store("smtp", redelivered.getBytes(StandardCharsets.UTF_8));
        assertThat(copy).isEqualTo(new StoredMail(first.id(), false));
        // the same message through another mailbox: stored, and recognised when processed
        assertThat(intake.receive("imap-other", redelivered.getBytes(StandardCharsets.UTF_8))
                        .outcome())
                .isEqualTo("DUPLICATE");

        // a different message that a tool gave the same Message-ID: a request of its own, with a note
        String other = mail(client.login(), "Another subject", "Совсем другое письмо")
                .replaceFirst("Message-ID: <[^>]+>", "Message-ID: " + id);
        InboundView second = intake.receive("smtp", other.getBytes(StandardCharsets.UTF_8));
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(second.ticketId()).isNotEqualTo(first.ticketId());
        assertThat(requests.messages(second.ticketId(), true)).anySatisfy(m -> {
            assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
            assertThat(m.body()).contains(id);
        });
        assertThat(requestsOf(client))
                .extracting(TicketView::subject)
                .containsExactlyInAnyOrder("Reused id", "Another subject");
    }
}
