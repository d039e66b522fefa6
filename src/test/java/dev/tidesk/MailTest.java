package dev.tidesk;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Tests with a real SMTP server (GreenMail) that Tidesk sends to, and a real HTTP port. All such
 * tests share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=" + MailTest.SMTP_PORT })
public abstract class MailTest {

    public static final int SMTP_PORT = 3925;

    @RegisterExtension
    protected static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    @Autowired
    protected ApplicationContext context;

    protected TestData data;

    @BeforeEach
    void freshMailbox() throws Exception {
        data = new TestData(context);
        smtp.purgeEmailFromAllMailboxes();
    }
}
