package dev.tidesk.mail;

import static dev.tidesk.mail.InboundMailTests.mail;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.CcList;
import dev.tidesk.ticket.CcSuggestion;
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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * CC on requests through the real pipeline: mails to the copied leave over SMTP (GreenMail), replies
 * arrive in a GreenMail IMAP mailbox that the poller fetches. The copied get the client's mails once
 * each and may answer; a stranger's From does not get in; colleagues in a mail's Cc are only offered.
 */
class CcMailTests extends MailTest {

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
    MailIntake intake;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries requests;

    @Autowired
    CcList copies;

    @Autowired
    Customers customers;

    @Autowired
    JdbcTemplate jdbc;

    long mailboxId;
    GreenMailUser user;

    /** Delivers the raw message to the support mailbox and lets the poller fetch and process it. */
    InboundView deliver(String raw) throws Exception {
        if (user == null) {
            int n = SEQ.incrementAndGet();
            String login = "cc" + n;
            user = imap.setUser(login + "@tidesk.local", login, "pw");
            mailboxId = mailboxes
                    .add(new MailboxSettings(
                            "cc-" + n, "127.0.0.1", IMAP_PORT, false, login, "pw", "INBOX", null, 60, true))
                    .id();
        }
        user.deliver(new MimeMessage(
                Session.getInstance(new Properties()), new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        assertThat(poller.poll(mailboxId)).isEqualTo(1);
        String id = MailParser.parse(raw.getBytes(StandardCharsets.UTF_8)).messageId();
        return intake.inbound(jdbc.queryForObject(
                "select id from mail_inbound where message_id = ? order by id desc limit 1", Long.class, id));
    }

    ContactView colleagueOf(Client client, String name, String language) {
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        return customers.createContact(
                client.organization().id(), name, "kollega" + System.nanoTime() + "@" + domain, null, language);
    }

    /** A request of the client with its acknowledgement sent and the SMTP server emptied. */
    TicketView request(Client client, String subject) throws Exception {
        TicketView t = data.request(client, subject, "Подробности в письме");
        sender.sendDue();
        smtp.purgeEmailFromAllMailboxes();
        return t;
    }

    Actor agent() {
        StaffView agent = data.agent();
        return Actor.staff(agent.id(), agent.fullName());
    }

    static String text(MimeMessage message) throws Exception {
        return String.join("\n", texts(message));
    }

    @Test
    void theCopiedGetTheRepliesAndStatusMailsOnceEachAndNeverOurOwnAddress() throws Exception {
        Client client = data.client("ru");
        TicketView t = request(client, "Обновить прайс-лист");
        ContactView colleague = colleagueOf(client, "Пётр Бухгалтеров", "en");
        String partner = "partner" + System.nanoTime() + "@agency.example";
        Actor agent = agent();
        copies.addColleague(t.id(), colleague.id(), agent);
        copies.addAddress(t.id(), partner, agent);
        // an agent's slip: our own address on the copy would make a loop; it is never mailed
        copies.addAddress(t.id(), "support@tidesk.local", agent);

        desk.reply(t.id(), agent, "Прайс обновили, проверьте, пожалуйста.", List.of());
        desk.changeStatus(t.id(), Status.WAITING_FOR_CLIENT, agent);
        sender.sendDue();

        // the requester as before, in Russian
        assertThat(subjects(sentTo(client.login())))
                .containsExactlyInAnyOrder(
                        "[" + t.tid() + "] Новый ответ: Обновить прайс-лист",
                        "[" + t.tid() + "] Изменён статус: Обновить прайс-лист");
        // the colleague in their own language, told whose request it is
        List<MimeMessage> toColleague = sentTo(colleague.email());
        assertThat(subjects(toColleague))
                .containsExactlyInAnyOrder(
                        "[" + t.tid() + "] New reply: Обновить прайс-лист",
                        "[" + t.tid() + "] Status changed: Обновить прайс-лист");
        MimeMessage reply = toColleague.stream()
                .filter(m -> subject(m).contains("New reply"))
                .findFirst()
                .orElseThrow();
        assertThat(text(reply))
                .contains("Прайс обновили")
                .contains("You are copied on request " + t.tid() + " of "
                        + client.contact().fullName());
        assertThat(reply.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
        // an address from outside in the requester's language
        assertThat(subjects(sentTo(partner)))
                .containsExactlyInAnyOrder(
                        "[" + t.tid() + "] Новый ответ: Обновить прайс-лист",
                        "[" + t.tid() + "] Изменён статус: Обновить прайс-лист");
        assertThat(text(sentTo(partner).get(0))).contains("Вы в копии обращения " + t.tid());
        assertThat(sentTo("support@tidesk.local")).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where ticket_id = ? and lower(recipient) = 'support@tidesk.local'",
                        Integer.class,
                        t.id()))
                .isZero();

        // exactly once: the same events again queue nothing, a second run sends nothing
        int before = smtp.getReceivedMessages().length;
        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSize(before);

        // an internal note is no client mail; taken off the copy, the colleague gets nothing more
        copies.remove(t.id(), colleague.email(), agent);
        desk.note(t.id(), agent, "Внутренняя заметка", List.of());
        desk.reply(t.id(), agent, "Ещё одно уточнение", List.of());
        sender.sendDue();
        assertThat(sentTo(colleague.email())).hasSize(2);
        assertThat(sentTo(partner)).hasSize(3);
        assertThat(requests.history(t.id()))
                .extracting(h -> h.field() + " " + h.toValue())
                .contains(
                        "ccAdded " + colleague.fullName() + " <" + colleague.email() + ">",
                        "ccAdded " + partner,
                        "ccRemoved " + colleague.fullName() + " <" + colleague.email() + ">");
    }

    /** The resolution mail's rating links act as the requester, so that mail reaches no copy. */
    @Test
    void theResolutionMailWithItsRatingLinksGoesToTheRequesterAlone() throws Exception {
        Client client = data.client("ru");
        TicketView t = request(client, "Поправить шапку сайта");
        ContactView colleague = colleagueOf(client, "Пётр Бухгалтеров", "en");
        String partner = "partner" + System.nanoTime() + "@agency.example";
        Actor agent = agent();
        copies.addColleague(t.id(), colleague.id(), agent);
        copies.addAddress(t.id(), partner, agent);

        desk.changeStatus(t.id(), Status.RESOLVED, agent);
        sender.sendDue();

        List<MimeMessage> toRequester = sentTo(client.login());
        assertThat(subjects(toRequester)).containsExactly("[" + t.tid() + "] Изменён статус: Поправить шапку сайта");
        assertThat(text(toRequester.get(0))).contains("/portal/answer/rating/", "?answer=good", "?answer=bad");
        assertThat(sentTo(colleague.email())).isEmpty();
        assertThat(sentTo(partner)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where ticket_id = ? and event_key like 'status:%'",
                        Integer.class, t.id()))
                .isEqualTo(1);
    }

    @Test
    void aReplyFromTheCopiedAddressLandsInTheRequestAndOnlyInThatOne() throws Exception {
        Client client = data.client();
        TicketView t = request(client, "Настроить почту на домене");
        TicketView other = request(client, "Другое обращение");
        String partner = "admin" + System.nanoTime() + "@hosting-partner.example";
        Actor agent = agent();
        copies.addAddress(t.id(), partner, agent);
        desk.reply(t.id(), agent, "Какие MX-записи сейчас стоят?", List.of());
        sender.sendDue();
        MimeMessage received = sentTo(partner).get(0);

        // the partner answers the mail they got, as a mail program does
        InboundView view = deliver(mail(
                partner,
                "Re: " + subject(received),
                "MX: mx1.hosting-partner.example",
                "In-Reply-To: " + received.getMessageID(),
                "References: " + received.getMessageID()));
        assertThat(view.outcome()).isEqualTo("REPLY");
        assertThat(view.ticketId()).isEqualTo(t.id());
        List<MessageView> conversation = requests.messages(t.id(), false);
        MessageView last = conversation.get(conversation.size() - 1);
        assertThat(last.kind()).isEqualTo(MessageKind.CLIENT);
        assertThat(last.body()).contains("MX: mx1.hosting-partner.example");

        // trusted for that request only: the other request of the same client is not theirs to write into
        List<MessageView> otherBefore = requests.messages(other.id(), false);
        InboundView elsewhere =
                deliver(mail(partner, "Re: [" + other.tid() + "] Другое обращение", "Пишу в чужое обращение"));
        assertThat(elsewhere.ticketId()).isNotEqualTo(other.id());
        assertThat(requests.messages(other.id(), false)).hasSameSizeAs(otherBefore);

        // taken off the copy, the partner no longer writes into the request, though their mail was in it
        copies.remove(t.id(), partner, agent);
        InboundView after = deliver(mail(
                partner, "Re: " + subject(received), "Ещё одна запись", "In-Reply-To: " + received.getMessageID()));
        assertThat(after.ticketId()).isNotEqualTo(t.id());
        assertThat(requests.messages(t.id(), false)).hasSameSizeAs(conversation);
    }

    @Test
    void aReplyFromAnAddressNotCopiedOfAnotherOrganizationDoesNotLand() throws Exception {
        Client client = data.client();
        Client another = data.client();
        TicketView t = request(client, "Сменить пароль админки");
        copies.addColleague(t.id(), colleagueOf(client, "Ирина Коллегова", "ru").id(), agent());
        desk.reply(t.id(), agent(), "Новый пароль отправим по телефону.", List.of());
        sender.sendDue();
        MimeMessage received = sentTo(client.login()).get(0);
        List<String> visible =
                requests.messages(t.id(), false).stream().map(MessageView::body).toList();
        smtp.purgeEmailFromAllMailboxes();

        // a contact of another organization answers with every reference right: still not theirs
        InboundView view = deliver(mail(
                another.login(),
                "Re: " + subject(received),
                "Пришлите пароль мне",
                "In-Reply-To: " + received.getMessageID(),
                "Cc: " + client.login()));
        assertThat(view.outcome()).isEqualTo("NEW_REQUEST");
        assertThat(view.ticketId()).isNotEqualTo(t.id());
        assertThat(requests.messages(t.id(), false).stream().map(MessageView::body))
                .containsExactlyElementsOf(visible);
        // and copying them on their own new request is not offered to anyone on ours
        assertThat(copies.suggestions(t.id())).isEmpty();
        sender.sendDue();
        assertThat(sentTo(client.login())).isEmpty();
    }

    @Test
    void colleaguesInTheCcOfTheClientsMailAreSuggestedNeverAdded() throws Exception {
        Client client = data.client();
        TicketView t = request(client, "Баннер на главной");
        ContactView colleague = colleagueOf(client, "Ольга Маркетологова", "ru");
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        String newcomer = "novichok" + System.nanoTime() + "@" + domain;
        String stranger = "mallory" + System.nanoTime() + "@evil.example";
        Client another = data.client();

        InboundView view = deliver(mail(
                client.contact().fullName() + " <" + client.login() + ">",
                "Re: [" + t.tid() + "] Баннер на главной",
                "Подключаю коллег",
                // every header is the sender's word: the display name lies, the stranger and our own address ride along
                "Cc: \"Директор\" <" + colleague.email() + ">, " + newcomer + ", " + stranger + ", " + another.login()
                        + ", support@tidesk.local"));
        assertThat(view.outcome()).isEqualTo("REPLY");
        assertThat(view.ticketId()).isEqualTo(t.id());

        assertThat(copies.of(t.id())).isEmpty();
        List<CcSuggestion> offered = copies.suggestions(t.id());
        assertThat(offered).extracting(CcSuggestion::address).containsExactlyInAnyOrder(colleague.email(), newcomer);
        // the directory's name, never the header's
        assertThat(offered)
                .filteredOn(s -> s.address().equals(colleague.email()))
                .extracting(CcSuggestion::name)
                .containsExactly(colleague.fullName());
        assertThat(offered)
                .filteredOn(s -> s.address().equals(newcomer))
                .extracting(CcSuggestion::name)
                .containsOnlyNulls();

        // nobody suggested gets the client's mail until staff add them
        desk.reply(t.id(), agent(), "Баннер поставили", List.of());
        sender.sendDue();
        assertThat(sentTo(colleague.email())).isEmpty();
        assertThat(sentTo(newcomer)).isEmpty();
        assertThat(sentTo(client.login())).hasSize(1);

        // one click: the colleague is copied and gets the next reply; a dismissed one is not offered again
        copies.accept(t.id(), colleague.email(), agent());
        copies.dismiss(t.id(), newcomer);
        assertThat(copies.suggestions(t.id())).isEmpty();
        deliver(mail(client.login(), "Re: [" + t.tid() + "] Баннер", "Ещё раз", "Cc: " + newcomer));
        assertThat(copies.suggestions(t.id())).isEmpty();
        desk.reply(t.id(), agent(), "Готово", List.of());
        sender.sendDue();
        assertThat(subjects(sentTo(colleague.email())))
                .containsExactly("[" + t.tid() + "] Новый ответ: Баннер на главной");
    }
}
