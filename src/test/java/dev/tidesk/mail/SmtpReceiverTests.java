package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.inbound.InboundProcessor;
import dev.tidesk.mail.inbound.InboundRepository;
import dev.tidesk.mail.inbound.SmtpReceiver;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.subethamail.smtp.server.SMTPServer;

/** The built-in SMTP receiver answers 250 only for a committed message and 451 otherwise, so senders retry. */
class SmtpReceiverTests extends MailTest {

    @Autowired
    SmtpReceiver receiver;

    @Autowired
    MailIntake intake;

    @Autowired
    InboundRepository inbound;

    @Autowired
    InboundProcessor processor;

    @Autowired
    InboundSettings settings;

    @Autowired
    JdbcTemplate jdbc;

    static void send(int port, String from, String subject, String messageId) throws Exception {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", "127.0.0.1");
        props.setProperty("mail.smtp.port", Integer.toString(port));
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from));
        message.setRecipients(MimeMessage.RecipientType.TO, "support@tidesk.local");
        message.setSubject(subject, "UTF-8");
        message.setText("Письмо через SMTP", "UTF-8");
        // a sending server retries the very same bytes: the same message sent twice must be one
        message.setHeader("Date", "Mon, 3 Mar 2025 10:00:00 +0300");
        Transport.send(message);
    }

    int rows(String messageId) {
        return jdbc.queryForObject("select count(*) from mail_inbound where message_id = ?", Integer.class, messageId);
    }

    @Test
    void aDeliveredMessageIsCommittedBeforeTheAnswerAndBecomesARequest() throws Exception {
        Client client = data.client();
        SMTPServer server = receiver.server(0, raw -> intake.store("smtp", raw), intake::process);
        server.start();
        try {
            String id = "<smtp-" + System.nanoTime() + "@client.example>";
            send(server.getPortAllocated(), client.login(), "Через SMTP", id);
            send(server.getPortAllocated(), client.login(), "Через SMTP", id);
            assertThat(rows(id)).isEqualTo(1);
            InboundView view = intake.recent(null, 50).stream()
                    .filter(m -> id.equals(m.messageId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(view.outcome()).isEqualTo("NEW_REQUEST");
            assertThat(view.source()).isEqualTo("smtp");
        } finally {
            server.stop();
        }
    }

    @Test
    void aFailingCommitIsAnswered451AndTheRetryIsTakenOnce() throws Exception {
        Client client = data.client();
        jdbc.execute("""
                create or replace function mail_test_fail_commit() returns trigger language plpgsql as $$
                begin if new.subject = 'commit fails' then raise exception 'simulated commit failure'; end if;
                return new; end $$""");
        jdbc.execute("""
                create constraint trigger mail_test_fail_commit after insert on mail_inbound
                deferrable initially deferred for each row execute function mail_test_fail_commit()""");
        SMTPServer server = receiver.server(0, raw -> intake.store("smtp", raw), id -> {});
        server.start();
        String id = "<smtp-commit-" + System.nanoTime() + "@client.example>";
        try {
            assertThatThrownBy(() -> send(server.getPortAllocated(), client.login(), "commit fails", id))
                    .isInstanceOfSatisfying(
                            SMTPSendFailedException.class,
                            e -> assertThat(e.getReturnCode()).isEqualTo(451));
            assertThat(rows(id)).isZero();
        } finally {
            jdbc.execute("drop trigger mail_test_fail_commit on mail_inbound");
            jdbc.execute("drop function mail_test_fail_commit()");
        }
        try {
            send(server.getPortAllocated(), client.login(), "commit fails", id);
            assertThat(rows(id)).isEqualTo(1);
        } finally {
            server.stop();
        }
    }

    @Test
    void anUnreachableDatabaseIsAnswered451() throws Exception {
        DriverManagerDataSource down =
                new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/tidesk?connectTimeout=2", "tidesk", "none");
        MailIntake offline = new MailIntake(
                inbound,
                processor,
                settings,
                new JdbcTemplate(down),
                new DataSourceTransactionManager(down),
                java.time.Clock.systemUTC(),
                context.getBean(MailMeters.class),
                context.getBean(dev.tidesk.storage.Blobs.class));
        SMTPServer server = receiver.server(0, raw -> offline.store("smtp", raw), id -> {});
        server.start();
        try {
            assertThatThrownBy(() -> send(
                            server.getPortAllocated(),
                            "anna@client.example",
                            "db down",
                            "<smtp-down-" + System.nanoTime() + "@client.example>"))
                    .isInstanceOfSatisfying(
                            SMTPSendFailedException.class,
                            e -> assertThat(e.getReturnCode()).isEqualTo(451));
        } finally {
            server.stop();
        }
    }

    @Test
    void aMessageOverTheLimitIsRefusedFor552WithThePoliteReplyAndNothingIsStored() throws Exception {
        Client client = data.client();
        SMTPServer server = receiver.server(0, raw -> intake.store("smtp", raw), intake::process);
        server.start();
        String id = "<smtp-large-" + System.nanoTime() + "@client.example>";
        try {
            Properties props = new Properties();
            props.setProperty("mail.smtp.host", "127.0.0.1");
            props.setProperty("mail.smtp.port", Integer.toString(server.getPortAllocated()));
            MimeMessage message = new MimeMessage(Session.getInstance(props)) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            message.setFrom(new InternetAddress(client.login()));
            message.setRecipients(MimeMessage.RecipientType.TO, "support@tidesk.local");
            message.setSubject("Большой файл", "UTF-8");
            message.setText("x".repeat((int) settings.maxSizeBytes() + 1000), "UTF-8");

            assertThatThrownBy(() -> Transport.send(message))
                    .isInstanceOfSatisfying(SMTPSendFailedException.class, e -> {
                        assertThat(e.getReturnCode()).isEqualTo(552);
                        assertThat(e.getMessage()).contains("5.3.4").contains("send us the link");
                    });
            assertThat(rows(id)).isZero();
        } finally {
            server.stop();
        }
    }

    @Test
    void theReceiverIsOffByDefaultAndStartsOnRequest() {
        assertThat(receiver.isRunning()).isFalse();
        int port = receiver.start(0);
        try {
            assertThat(port).isPositive();
            assertThat(receiver.isRunning()).isTrue();
        } finally {
            receiver.stop();
        }
        assertThat(receiver.isRunning()).isFalse();
    }
}
