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
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * What a real mail server answers besides 250, with the scheduler running: a 550 for an unknown
 * user fails the mail for good after one attempt, with the server's words kept; a greylisting 451
 * is retried after a delay and delivered once; a server that takes only so many mails on one
 * connection (a 421 and the connection closed) costs a backlog no attempt and no duplicate. The
 * server is a small SMTP server (SubEtha SMTP) that answers as Postfix does, and closes a
 * connection after {@link #MAILS_PER_CONNECTION} mails as Exchange and Gmail do after theirs.
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

    /** The server's limit of mails on one connection. */
    static final int MAILS_PER_CONNECTION = 7;

    static final List<String> delivered = new CopyOnWriteArrayList<>();
    /** The connection (SMTP session) each mail came over, by recipient. */
    static final Map<String, String> sessionOf = new ConcurrentHashMap<>();

    static final Map<String, AtomicInteger> mailsOnSession = new ConcurrentHashMap<>();
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

    @Test
    void aBacklogGoesOutOverAFewKeptConnectionsEachMailOnceAndTheServersLimitCostsNoAttempt() {
        String run = "backlog" + System.nanoTime();
        int backlog = 45; // more than two of the test profile's batches (20)
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("""
                insert into mail_outbox (event_key, recipient, subject, text_body, message_id, status, attempts,
                                         next_attempt_at, created_at)
                select ? || g, ? || g || '@many.example', 'Test', 'text', '<' || ? || g || '@tidesk.local>',
                       'PENDING', 0, ?, ?
                  from generate_series(1, ?) g""", run, run + "-", run, now, now, backlog);

        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from mail_outbox where event_key like ? and status = 'SENT'",
                                Integer.class,
                                run + "%")
                        == backlog);

        List<String> ours =
                delivered.stream().filter(r -> r.startsWith(run + "-")).toList();
        assertThat(ours).hasSize(backlog).doesNotHaveDuplicates();
        // the server closed each connection after its 7th mail; the 8th went on a new one, at once
        assertThat(jdbc.queryForList(
                        "select distinct attempts from mail_outbox where event_key like ?", Integer.class, run + "%"))
                .containsExactly(1);
        long connections = ours.stream().map(sessionOf::get).distinct().count();
        // 45 mails in batches of 20, 7 a connection: 3 + 3 + 1 connections, not one a mail
        assertThat(connections).isBetween((long) backlog / MAILS_PER_CONNECTION, 10L);
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
                .messageHandlerFactory(Postfix::new)
                .build();
        s.start();
        return s;
    }

    /**
     * Refuses unknown users of refused.example for good; greylists greylist.example twice; answers the
     * mail after the 7th on one connection with a 421 and closes the connection.
     */
    static final class Postfix implements MessageHandler {
        private final String session;
        private String recipient;

        Postfix(MessageContext context) {
            this.session = context.getSessionId();
        }

        @Override
        public void from(String from) throws RejectException {
            int mails = mailsOnSession
                    .computeIfAbsent(session, s -> new AtomicInteger())
                    .incrementAndGet();
            if (mails > MAILS_PER_CONNECTION) {
                throw new DropConnectionException(421, "4.7.0 Error: too many mails on this connection");
            }
        }

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
            sessionOf.put(recipient, session);
            delivered.add(recipient);
            return null;
        }

        @Override
        public void done() {}
    }
}
