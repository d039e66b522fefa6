package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Notifications leave through a real SMTP server, once, with the TID in the subject, in the contact's language. */
class NotificationMailTests extends MailTest {

    @Autowired
    OutboxSender sender;

    @Autowired
    MailSigning signing;

    @Autowired
    Outbox outbox;

    @Autowired
    RequestDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void acknowledgementAndReplyArriveInTheContactsLanguageWithTheTid() throws Exception {
        Client russian = data.client("ru");
        Client english = data.client("en");
        TicketView ru = data.request(russian, "Не работает корзина", "Ошибка при оплате");
        TicketView en = data.request(english, "Cart is broken", "Payment fails");
        StaffView agent = data.agent();
        desk.reply(ru.id(), Actor.staff(agent.id(), agent.fullName()), "Исправили оплату", List.of());

        sender.sendDue();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(subjects(sentTo(received, russian.login())))
                .containsExactlyInAnyOrder(
                        "[" + ru.tid() + "] Ваше обращение принято: Не работает корзина",
                        "[" + ru.tid() + "] Новый ответ: Не работает корзина");
        assertThat(subjects(sentTo(received, english.login())))
                .containsExactly("[" + en.tid() + "] Your request is registered: Cart is broken");
        MimeMessage ack = sentTo(received, english.login()).stream().findFirst().orElseThrow();
        assertThat(ack.getHeader("Auto-Submitted")[0]).isEqualTo("auto-replied");
        // the thread id and the Message-ID tell no request id: they are signed or random
        String thread = ack.getHeader("In-Reply-To")[0];
        assertThat(thread).matches("<t\\.[0-9a-f]{24}@tidesk\\.local>").isEqualTo(signing.threadId(en.id()));
        assertThat(ack.getMessageID()).matches("<[0-9a-f]{32}@tidesk\\.local>");
        assertThat(sentTo(received, russian.login()).get(0).getHeader("In-Reply-To")[0])
                .isNotEqualTo(thread);

        sender.sendDue();
        assertThat(smtp.getReceivedMessages()).hasSameSizeAs(received);
    }

    @Test
    void statusChangesThatConcernTheClientAreMailedOthersAreNot() throws Exception {
        Client client = data.client("ru");
        TicketView t = data.request(client, "Добавить баннер", "На главную");
        desk.changeStatus(t.id(), Status.IN_PROGRESS, Actor.system());
        desk.changeStatus(t.id(), Status.WAITING_FOR_CLIENT, Actor.system());
        desk.changeStatus(t.id(), Status.RESOLVED, Actor.system());
        sender.sendDue();
        assertThat(subjects(sentTo(client.login())))
                .containsExactlyInAnyOrder(
                        "[" + t.tid() + "] Ваше обращение принято: Добавить баннер",
                        "[" + t.tid() + "] Изменён статус: Добавить баннер",
                        "[" + t.tid() + "] Изменён статус: Добавить баннер");
    }

    @Test
    void withSmtpDownMailWaitsAndIsDeliveredOnceWhenItIsBack() throws Exception {
        Client client = data.client("ru");
        smtp.stop();
        TicketView t;
        try {
            t = data.request(client, "Сайт недоступен", "Не открывается с утра");
            assertThat(sender.sendDue(100)).isZero();
            OutboxView waiting = outbox.ofRequest(t.id()).get(0);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.attempts()).isEqualTo(1);
            assertThat(waiting.lastError()).isNotBlank();
        } finally {
            smtp.start();
        }
        // the retry is due after a back-off; make it due now instead of waiting
        jdbc.update("update mail_outbox set next_attempt_at = now() where ticket_id = ?", t.id());
        sender.sendDue();
        sender.sendDue();
        assertThat(subjects(sentTo(client.login()))).hasSize(1);
        OutboxView sent = outbox.ofRequest(t.id()).get(0);
        assertThat(sent.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
    }
}
