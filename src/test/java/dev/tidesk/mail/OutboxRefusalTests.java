package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * What a real mail server answers besides 250, with the scheduler running: a 550 for an unknown
 * user fails the mail for good after one attempt, with the server's words kept; a greylisting 451
 * is retried after a delay and delivered once. The server is a small SMTP server (SubEtha SMTP)
 * that answers as Postfix does.
 */
@SpringBootTest(
        properties = {
            "tidesk.scheduling.enabled=true",
            "spring.mail.host=127.0.0.1",
            "tidesk.mail.send-interval=300ms",
            "tidesk.mail.retry-delay=300ms",
            "tidesk.mail.max-retry-delay=600ms"
        })
@Tag("integration")
class OutboxRefusalTests {

    static final List<String> delivered = new CopyOnWriteArrayList<>();
    static final Map<String, AtomicInteger> greylisted = new ConcurrentHashMap<>();
    static final SMTPServer server = startServer();

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", server::getPortAllocated);
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void anUnknownUserFailsTheMailForGoodWithTheServersWords() {
        long id = queue("nobody-" + System.nanoTime() + "@refused.example");

        await().atMost(Duration.ofSeconds(30)).until(() -> !"PENDING".equals(status(id)));

        Map<String, Object> row =
                jdbc.queryForMap("select status, attempts, last_error from mail_outbox where id = ?", id);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat((String) row.get("last_error")).contains("550").contains("User unknown");
    }

    @Test
    void aGreylistedMailIsRetriedAndDeliveredOnce() {
        String recipient = "anna-" + System.nanoTime() + "@greylist.example";
        long id = queue(recipient);

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(id)));

        assertThat(delivered.stream().filter(recipient::equals)).hasSize(1);
        assertThat(greylisted.get(recipient).get()).isEqualTo(3);
        assertThat(jdbc.queryForObject("select attempts from mail_outbox where id = ?", Integer.class, id))
                .isEqualTo(3);
    }

    private long queue(String recipient) {
        Timestamp now = Timestamp.from(Instant.now());
        return jdbc.queryForObject(
                """
                insert into mail_outbox (event_key, recipient, subject, text_body, message_id, status, attempts,
                                         next_attempt_at, created_at)
                values (?, ?, 'Test', 'text', ?, 'PENDING', 0, ?, ?) returning id""",
                Long.class,
                "refusal:" + recipient,
                recipient,
                "<refusal." + System.nanoTime() + "@tidesk.local>",
                now,
                now);
    }

    private String status(long id) {
        return jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id);
    }

    private static SMTPServer startServer() {
        SMTPServer s = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .messageHandlerFactory(context -> new Postfix())
                .build();
        s.start();
        return s;
    }

    /** Refuses unknown users of refused.example for good; greylists greylist.example twice. */
    static final class Postfix implements MessageHandler {
        private String recipient;

        @Override
        public void from(String from) {}

        @Override
        public void recipient(String address) throws RejectException {
            if (address.endsWith("@refused.example")) {
                throw new RejectException(550, "5.1.1 <" + address + ">: Recipient address rejected: User unknown");
            }
            if (address.endsWith("@greylist.example")
                    && greylisted
                                    .computeIfAbsent(address, a -> new AtomicInteger())
                                    .incrementAndGet()
                            < 3) {
                throw new RejectException(450, "4.2.0 <" + address + ">: Recipient address rejected: Greylisted");
            }
            recipient = address;
        }

        @Override
        public String data(InputStream data) throws IOException {
            data.readAllBytes();
            delivered.add(recipient);
            return null;
        }

        @Override
        public void done() {}
    }
}
