package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestClock;
import dev.tidesk.mail.outbound.OutboxSender;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * New requests are one shared notice for everyone on duty (issue 19); whoever chose them by e-mail
 * still has a notice of their own, mailed in their digest once, over real SMTP.
 */
class NewRequestDigestMailTests extends MailTest {

    @Autowired
    Notices notices;

    @Autowired
    OutboxSender sender;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcTemplate jdbc;

    void runDigestJob() throws Exception {
        StaffDigestMailTests.runDigestJob(context, sender);
    }

    @Test
    void anAgentWhoChoseNewRequestsByMailGetsTheNewRequestInTheirDigestOnce() throws Exception {
        StaffView byMail = data.agent();
        StaffView inTheBell = data.agent();
        notices.mailKinds(byMail.id(), EnumSet.of(NoticeKind.NEW_REQUEST));
        TicketView ticket = data.request(data.client(), "Новая витрина", "Нужно обновить баннеры");

        List<Long> audience = jdbc.queryForList(
                "select unnest(audience) from notification where ticket_id = ? and recipient_id is null",
                Long.class,
                ticket.id());
        assertThat(audience).contains(inTheBell.id()).doesNotContain(byMail.id());
        assertThat(notices.recent(byMail.id()))
                .as("the one who chose it by e-mail has it in the bell too, as a notice of their own")
                .anySatisfy(n -> {
                    assertThat(n.ticketId()).isEqualTo(ticket.id());
                    assertThat(n.kind()).isEqualTo(NoticeKind.NEW_REQUEST);
                    assertThat(n.unread()).isTrue();
                });
        assertThat(notices.unreadCount(byMail.id())).isEqualTo(1);

        runDigestJob();
        List<MimeMessage> mails = sentTo(byMail.email());
        assertThat(mails).hasSize(1);
        assertThat(subject(mails.get(0))).isEqualTo("Tidesk: новые уведомления (1)");
        assertThat(String.join("\n", texts(mails.get(0))))
                .contains(ticket.tid() + ": новое обращение в очереди")
                .contains("/desk/requests/" + ticket.tid());
        assertThat(sentTo(inTheBell.email())).as("chose nothing by e-mail").isEmpty();

        clock.advance(Duration.ofMinutes(16));
        runDigestJob();
        assertThat(sentTo(byMail.email())).as("mailed once").hasSize(1);
    }
}
