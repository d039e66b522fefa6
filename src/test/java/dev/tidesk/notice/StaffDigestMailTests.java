package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.identity.Accounts;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * E-mail to staff through real SMTP (GreenMail): the kinds a person chose come as one digest per
 * interval, however many notices; kinds not chosen send nothing; the mail is in the person's language
 * and marked as automatic mail. The digest job is called as the scheduler calls it.
 */
class StaffDigestMailTests extends MailTest {

    @Autowired
    Notices notices;

    @Autowired
    RequestDesk desk;

    @Autowired
    Accounts accounts;

    @Autowired
    OutboxSender sender;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    /** The digest job as the scheduler runs it. */
    void runDigestJob() throws Exception {
        runDigestJob(context, sender);
    }

    /** The digest job as the scheduler runs it (its scheduled method on the bean), then the outbox. */
    static void runDigestJob(org.springframework.context.ApplicationContext context, OutboxSender sender)
            throws Exception {
        Object job = context.getBean("staffDigests");
        var method = job.getClass().getMethod("sendDue");
        assertThat(org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation(
                        org.springframework.aop.support.AopUtils.getTargetClass(job)
                                .getMethod("sendDue"),
                        Scheduled.class))
                .isTrue();
        method.invoke(job);
        sender.sendDue();
    }

    @Test
    void twoRepliesWithinTheIntervalMakeOneDigestAndTheNextWaitsItsTurn() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        notices.mailKinds(agent.id(), EnumSet.of(NoticeKind.CLIENT_REPLIED));
        TicketView ticket = data.request(client, "Не работает оплата", "Платёж не проходит");
        // given by someone else: a notice of a kind the agent did not choose by e-mail
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());
        Actor contact = Actor.contact(client.contact().id(), client.contact().fullName());
        desk.clientReply(ticket.id(), contact, "Пробовали с другой карты", List.of());
        desk.clientReply(ticket.id(), contact, "И с телефона тоже", List.of());

        runDigestJob();
        List<MimeMessage> mails = sentTo(agent.email());
        assertThat(mails).hasSize(1);
        MimeMessage digest = mails.get(0);
        assertThat(subject(digest)).isEqualTo("Tidesk: новые уведомления (2)");
        String body = String.join("\n", texts(digest));
        assertThat(body)
                .contains("Здравствуйте")
                .contains(ticket.tid() + ": ответ клиента (" + client.contact().fullName() + ")")
                .contains("/desk/requests/" + ticket.tid() + "#conversation")
                .doesNotContain("назначено вам");
        assertThat(texts(digest).get(0).split("ответ клиента", -1))
                .as("the plain text lists both replies")
                .hasSize(3);
        assertThat(digest.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(digest.getHeader("X-Auto-Response-Suppress")).containsExactly("All");

        // a third reply within the interval waits; the job running again sends nothing
        desk.clientReply(ticket.id(), contact, "Ещё раз проверили", List.of());
        clock.advance(Duration.ofMinutes(5));
        runDigestJob();
        assertThat(sentTo(agent.email())).hasSize(1);

        clock.advance(Duration.ofMinutes(11));
        runDigestJob();
        mails = sentTo(agent.email());
        assertThat(mails).hasSize(2);
        assertThat(subject(mails.get(1))).isEqualTo("Tidesk: новые уведомления (1)");
        runDigestJob();
        assertThat(sentTo(agent.email())).as("each notice is mailed once").hasSize(2);
    }

    @Test
    void kindsNotChosenSendNothingAndTheMailSpeaksThePersonsLanguage() throws Exception {
        Client client = data.client();
        StaffView author = data.agent();
        StaffView english = data.agent();
        StaffView quiet = data.agent();
        notices.mailKinds(english.id(), EnumSet.of(NoticeKind.MENTION));
        accounts.changeLanguage(accountOf(english), "en");
        notices.mailKinds(author.id(), EnumSet.of(NoticeKind.MENTION));
        TicketView ticket = data.request(client, "Обновить цены", "Прайс во вложении");

        desk.note(
                ticket.id(),
                Actor.staff(author.id(), author.fullName()),
                "@" + login(english) + " и @" + login(quiet) + ", посмотрите",
                List.of());
        assertThat(notices.recent(quiet.id()))
                .as("the quiet one has the notice in the bell")
                .isNotEmpty();

        runDigestJob();
        List<MimeMessage> mails = sentTo(english.email());
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.get(0))).isEqualTo("Tidesk: new notifications (1)");
        assertThat(String.join("\n", texts(mails.get(0))))
                .contains("Hello")
                .contains(ticket.tid() + ": " + author.fullName() + " mentioned you in a note");
        assertThat(sentTo(quiet.email())).as("chose no kind by e-mail").isEmpty();
        assertThat(sentTo(author.email()))
                .as("never about what one did oneself")
                .isEmpty();
    }

    private long accountOf(StaffView staff) {
        return jdbc.queryForObject("select id from account where staff_id = ?", Long.class, staff.id());
    }

    private String login(StaffView staff) {
        return staff.email().substring(0, staff.email().indexOf('@'));
    }
}
