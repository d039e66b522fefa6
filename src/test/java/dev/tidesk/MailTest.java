package dev.tidesk;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tests with a real SMTP server (GreenMail) that Tidesk sends to, and a real HTTP port. All such
 * tests share one application context; browser journeys that send no mail extend it for its port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.mail.host=127.0.0.1")
@Tag("integration")
public abstract class MailTest {

    /** A free port chosen once per test run, so parallel builds on one machine never collide. */
    public static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(smtpSetup()).withPerMethodLifecycle(false);

    private static ServerSetup smtpSetup() {
        ServerSetup setup = new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(20_000);
        return setup;
    }

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /** A free loopback port, for a server a test starts itself. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Autowired
    protected ApplicationContext context;

    protected TestData data;

    @BeforeEach
    void freshMailbox() throws Exception {
        data = new TestData(context);
        smtp.purgeEmailFromAllMailboxes();
    }

    /** The mails the SMTP server has received so far whose (first) recipient is {@code address}. */
    protected static List<MimeMessage> sentTo(String address) {
        return sentTo(smtp.getReceivedMessages(), address);
    }

    /** Those of {@code messages} whose (first) recipient is {@code address}, ignoring case. */
    protected static List<MimeMessage> sentTo(MimeMessage[] messages, String address) {
        return Arrays.stream(messages)
                .filter(m -> {
                    try {
                        return ((InternetAddress) m.getAllRecipients()[0])
                                .getAddress()
                                .equalsIgnoreCase(address);
                    } catch (MessagingException | RuntimeException e) {
                        return false;
                    }
                })
                .toList();
    }

    /** The subjects of those mails. */
    protected static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(MailTest::subject).toList();
    }

    /** Every text part of a mail (plain and HTML), decoded. */
    protected static List<String> texts(Part part) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        Object content = part.getContent();
        if (content instanceof String s) {
            out.add(s);
        } else if (content instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                out.addAll(texts(multi.getBodyPart(i)));
            }
        }
        return out;
    }

    protected static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
