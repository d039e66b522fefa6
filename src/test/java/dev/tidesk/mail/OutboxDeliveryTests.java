package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.ticket.TicketView;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox as production runs it: nothing calls the sender here, Spring's scheduler does, every
 * 300 ms, through the bean and its lock. Each test waits until the scheduler has run several more
 * times after the mail went out (the lock row's time moves with every run), then counts what the
 * SMTP server received.
 */
@TestPropertySource(
        properties = {
            "tidesk.scheduling.enabled=true",
            "tidesk.mail.send-interval=300ms",
            "tidesk.mail.retry-delay=500ms",
            "tidesk.mail.max-retry-delay=1s"
        })
class OutboxDeliveryTests extends MailTest {

    @Autowired
    Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSchedulerDeliversEachNotificationExactlyOnce() throws Exception {
        Client client = data.client("ru");
        TicketView t = data.request(client, "Не работает форма", "Форма обратной связи молчит");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.ofRequest(t.id()).get(0).status() == OutboxStatus.SENT);
        awaitSchedulerRuns(5);

        assertThat(subjects(sentTo(client.login())))
                .containsExactly("[" + t.tid() + "] Ваше обращение принято: Не работает форма");
        OutboxView mail = outbox.ofRequest(t.id()).get(0);
        assertThat(mail.status()).isEqualTo(OutboxStatus.SENT);
        assertThat(mail.attempts()).isEqualTo(1);
        assertThat(mail.sentAt()).isNotNull();
    }

    @Test
    void aMailThatFailedWhileTheServerWasDownIsRetriedAndDeliveredOnce() throws Exception {
        Client client = data.client("ru");
        smtp.stop();
        TicketView t;
        try {
            t = data.request(client, "Сайт недоступен", "Не открывается с утра");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> outbox.ofRequest(t.id()).get(0).attempts() >= 1);
            OutboxView waiting = outbox.ofRequest(t.id()).get(0);
            assertThat(waiting.status()).isEqualTo(OutboxStatus.PENDING);
            assertThat(waiting.lastError()).isNotBlank();
        } finally {
            smtp.start();
        }

        await().atMost(Duration.ofSeconds(30))
                .until(() -> outbox.ofRequest(t.id()).get(0).status() == OutboxStatus.SENT);
        awaitSchedulerRuns(5);

        assertThat(sentTo(client.login())).hasSize(1);
        assertThat(outbox.ofRequest(t.id()).get(0).attempts()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void mailThatCannotBeSentNeverHoldsBackTheRest() throws Exception {
        // 300 older mails, each broken (its file is gone), ahead of a good one: the old sender tried
        // the 50 oldest forever and never reached the rest
        Timestamp older = Timestamp.from(java.time.Instant.now().minusSeconds(3600));
        String run = Long.toString(System.nanoTime());
        for (int i = 0; i < 300; i++) {
            jdbc.update(
                    """
                    insert into mail_outbox (event_key, recipient, subject, text_body, message_id, attachment_ids, status,
                                             attempts, next_attempt_at, created_at)
                    values (?, ?, 'Broken', 'text', ?, '-1', 'PENDING', 0, ?, ?)""",
                    "broken:" + run + ":" + i,
                    "broken" + i + "@client.example",
                    "<broken." + run + "." + i + "@tidesk.local>",
                    older,
                    older);
        }
        Client client = data.client("ru");
        TicketView t = data.request(client, "Срочно", "Очень срочно");

        await().atMost(Duration.ofSeconds(60))
                .until(() -> outbox.ofRequest(t.id()).get(0).status() == OutboxStatus.SENT);

        assertThat(sentTo(client.login())).hasSize(1);
        Integer waiting = jdbc.queryForObject("""
                select count(*) from mail_outbox where event_key like ? and (attempts = 0 or last_error is null)""", Integer.class, "broken:" + run + ":%");
        assertThat(waiting)
                .as("every broken mail was tried and its error saved")
                .isZero();
    }

    /** Waits until the scheduler has taken the outbox's lock {@code runs} more times. */
    private void awaitSchedulerRuns(int runs) {
        Set<Timestamp> seen = new HashSet<>();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    seen.add(jdbc.queryForObject(
                            "select locked_at from shedlock where name = 'mail-outbox'", Timestamp.class));
                    return seen.size() > runs;
                });
    }
}
