package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.tidesk.TideskApplication;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tidesk killed the hard way ({@code kill -9}) in the middle of taking in a mailbox, then started
 * again on the same data, as an operator or systemd would: Tidesk runs in a child JVM on its own
 * embedded PostgreSQL, polling GreenMail's IMAP and sending to GreenMail's SMTP. The kill comes
 * when some messages are stored, turned into requests and moved to the processed folder, the
 * rest still wait in the inbox (which is expunged only at the end of a poll), and every
 * acknowledgement is still queued: the scheduler runs the poll and the outbox on one thread, so
 * one kill leaves both a poll and the outbox half done. Counted at the end: every message became
 * one request, every sender got one acknowledgement (one Message-ID), the mailbox is emptied, and
 * the restarted Tidesk polls again within a minute of being up.
 *
 * <p>One restart: each boot of the child costs 15 to 40 s on a busy 2-core machine. A second kill,
 * once the outbox sends, would prove little more: there used to be two kills, and both landed
 * after the poll had finished. A crash at each step of a poll is {@code InboundMailTests}'
 * simulated one; a send that fails, the outbox's retry tests.
 */
@Tag("integration")
class CrashRecoveryTests {

    static final int MESSAGES = 40;

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(
                    new ServerSetup[] {setup(ServerSetup.PROTOCOL_SMTP), setup(ServerSetup.PROTOCOL_IMAP)})
            .withPerMethodLifecycle(true);

    @TempDir
    Path dir;

    private Process tidesk;

    private static ServerSetup setup(String protocol) {
        ServerSetup s = new ServerSetup(dev.tidesk.MailTest.freePort(), "127.0.0.1", protocol);
        s.setServerStartupTimeout(20_000);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        if (tidesk != null && tidesk.isAlive()) {
            tidesk.destroy(); // a clean stop, which stops its PostgreSQL too
            tidesk.waitFor(60, java.util.concurrent.TimeUnit.SECONDS);
            tidesk.destroyForcibly();
        }
    }

    @Test
    void killedTwiceWhilePollingAndSendingItLosesNothingAndDoublesNothing() throws Exception {
        GreenMailUser support = mail.setUser("support@tidesk.local", "support", "pw");
        for (int i = 0; i < MESSAGES; i++) {
            support.deliver(message(i));
        }
        int httpPort = dev.tidesk.MailTest.freePort();

        start(httpPort, "run1");
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> movedToProcessed(support) >= 10);
        kill();
        int moved = movedToProcessed(support);
        int acknowledgedAtKill = acknowledged();
        assertThat(moved)
                .as("killed in the middle of the poll: some messages taken in, some still waiting")
                .isLessThan(MESSAGES);
        assertThat(inboxSize(support))
                .as("the inbox is expunged at the end of a poll")
                .isEqualTo(MESSAGES);

        long restarted = start(httpPort, "run2");
        long up = System.nanoTime();
        await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged() > acknowledgedAtKill);
        long pollAfterRestart = System.nanoTime() - up;
        long restart = up - restarted;
        await().atMost(Duration.ofMinutes(3)).until(() -> acknowledged() == MESSAGES);
        await().atMost(Duration.ofMinutes(1)).until(() -> inboxSize(support) == 0);

        Map<String, Set<String>> idsBySender = new HashMap<>();
        Map<String, Integer> copiesBySender = new HashMap<>();
        for (MimeMessage m : acknowledgements()) {
            String to = ((InternetAddress) m.getAllRecipients()[0]).getAddress();
            idsBySender.computeIfAbsent(to, k -> new HashSet<>()).add(m.getMessageID());
            copiesBySender.merge(to, 1, Integer::sum);
        }
        int copies =
                copiesBySender.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(
                "crash recovery: %d messages, %d acknowledgements (%d copies); killed with %d messages taken in"
                        + " and %d acknowledged; the restart took %.1f s to answer HTTP, then the next"
                        + " acknowledgement came %.1f s later%n",
                MESSAGES, idsBySender.size(), copies, moved, acknowledgedAtKill, restart / 1e9, pollAfterRestart / 1e9);
        assertThat(idsBySender).hasSize(MESSAGES);
        assertThat(idsBySender.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        assertThat(copies)
                .as("at most the mail in flight at the kill is sent again")
                .isLessThanOrEqualTo(MESSAGES + 1);
        assertThat(pollAfterRestart)
                .as("polling resumes within a minute")
                .isLessThan(Duration.ofSeconds(60).toNanos());
        // the embedded database takes no connection without the password kept owner-only beside the data
        Path password = dir.resolve("tidesk-db.password");
        assertThat(java.nio.file.Files.getPosixFilePermissions(password))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + databasePort("run2") + "/postgres", "postgres", ""))
                .isInstanceOf(java.sql.SQLException.class);
        try (Connection db = database("run2")) {
            assertThat(count(db, "select count(*) from mail_inbound")).isEqualTo(MESSAGES);
            assertThat(count(db, "select count(*) from ticket")).isEqualTo(MESSAGES);
            assertThat(count(db, "select count(*) from mail_outbox where status <> 'SENT'"))
                    .isZero();
        }
    }

    /** Starts Tidesk in a child JVM and waits until it answers HTTP; returns when it began (nanoTime). */
    private long start(int httpPort, String run) throws Exception {
        long began = System.nanoTime();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                TideskApplication.class.getName(),
                "--server.port=" + httpPort,
                "--tidesk.db.embedded.data-dir=" + dir.resolve("postgres"),
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + mail.getSmtp().getPort(),
                "--tidesk.scheduling.enabled=true",
                "--tidesk.mail.send-interval=200ms",
                "--tidesk.mail.inbound.poll-interval=1s",
                "--tidesk.mail.inbound.process-interval=2s",
                "--tidesk.mail.inbound.mailboxes[0].name=support",
                "--tidesk.mail.inbound.mailboxes[0].host=127.0.0.1",
                "--tidesk.mail.inbound.mailboxes[0].port=" + mail.getImap().getPort(),
                "--tidesk.mail.inbound.mailboxes[0].tls=false",
                "--tidesk.mail.inbound.mailboxes[0].username=support",
                "--tidesk.mail.inbound.mailboxes[0].password=pw",
                "--tidesk.mail.inbound.mailboxes[0].folder=INBOX",
                "--tidesk.mail.inbound.mailboxes[0].processed-folder=Tidesk",
                "--tidesk.mail.inbound.mailboxes[0].poll-seconds=1",
                "--tidesk.mail.inbound.mailboxes[0].enabled=true"));
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(run).toFile());
        builder.environment().remove("TIDESK_DB_URL");
        tidesk = builder.start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(tidesk.isAlive())
                            .as("Tidesk exited; see " + log(run))
                            .isTrue();
                    return http.send(
                                            HttpRequest.newBuilder(
                                                            URI.create("http://127.0.0.1:" + httpPort + "/desk/login"))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200;
                });
        if (!tidesk.isAlive()) {
            throw new IllegalStateException(Files.readString(log(run)));
        }
        return began;
    }

    /** The child's log, kept in target/ for a failed run to be read. */
    private static Path log(String run) {
        try {
            Path logs = Files.createDirectories(Path.of("target", "crash-recovery"));
            return logs.resolve(run + ".log");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, the embedded PostgreSQL is left running on its own. */
    private void kill() throws InterruptedException {
        tidesk.destroyForcibly();
        tidesk.waitFor();
    }

    /** What Tidesk sent: everything GreenMail received but the messages put in the support mailbox. */
    private List<MimeMessage> acknowledgements() {
        List<MimeMessage> sent = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                if (!((InternetAddress) m.getAllRecipients()[0]).getAddress().equals("support@tidesk.local")) {
                    sent.add(m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return sent;
    }

    private int acknowledged() throws jakarta.mail.MessagingException {
        Set<String> senders = new HashSet<>();
        for (MimeMessage m : acknowledgements()) {
            senders.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
        }
        return senders.size();
    }

    private int inboxSize(GreenMailUser user) throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(user).getMessageCount();
    }

    /** Messages the poller copied to the processed folder (before it expunges them from the inbox). */
    private int movedToProcessed(GreenMailUser user) {
        MailFolder processed = mail.getManagers().getImapHostManager().getFolder(user, "Tidesk");
        return processed == null ? 0 : processed.getMessageCount();
    }

    private static String databasePort(String run) throws IOException {
        Matcher port =
                Pattern.compile("Embedded PostgreSQL ready on port (\\d+)").matcher(Files.readString(log(run)));
        assertThat(port.find()).isTrue();
        return port.group(1);
    }

    private Connection database(String run) throws IOException, java.sql.SQLException {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        File password = dir.resolve("tidesk-db.password").toFile();
        if (password.exists()) {
            props.setProperty("password", Files.readString(password.toPath()).strip());
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + databasePort(run) + "/postgres", props);
    }

    private static int count(Connection db, String sql) throws java.sql.SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static MimeMessage message(int i) throws Exception {
        String raw = "From: Клиент " + i + " <sender" + i + "@crash.example>\r\nTo: support@tidesk.local\r\n"
                + "Subject: Обращение " + i + "\r\nMessage-ID: <crash-" + i + "-" + System.nanoTime()
                + "@crash.example>\r\nDate: Mon, 3 Mar 2025 10:00:00 +0300\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nНе работает страница " + i + "\r\n";
        return new MimeMessage(
                Session.getInstance(new Properties()),
                new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }
}
