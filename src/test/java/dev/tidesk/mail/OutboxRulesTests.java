package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.outbound.OutboxMail;
import dev.tidesk.mail.outbound.OutboxSender;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

/** The sender's rules: how long a mail waits, what counts as refused for good, how text files are labelled. */
class OutboxRulesTests {

    static final Duration FIRST = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofHours(1);

    @Test
    void theWaitDoublesFromTheFirstDelayUpToTheLongest() {
        assertThat(OutboxMail.retryDelay(1, FIRST, MAX)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxMail.retryDelay(2, FIRST, MAX)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxMail.retryDelay(5, FIRST, MAX)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxMail.retryDelay(8, FIRST, MAX)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxMail.retryDelay(100, FIRST, MAX)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRecipientRefusedWith550IsPermanentAndA450IsNot() throws Exception {
        InternetAddress to = new InternetAddress("anna@client.example");
        MailSendException refused = failed(new jakarta.mail.SendFailedException(
                "Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO", 550, "5.1.1 User unknown")));
        MailSendException greylisted = failed(new jakarta.mail.SendFailedException(
                "Invalid Addresses", new SMTPAddressFailedException(to, "RCPT TO", 450, "4.2.0 Greylisted")));

        assertThat(OutboxSender.isPermanent(refused)).isTrue();
        assertThat(OutboxSender.isPermanent(greylisted)).isFalse();
        assertThat(OutboxSender.isUnreachable(greylisted)).isFalse();
        assertThat(OutboxSender.describe(refused)).contains("5.1.1 User unknown");
    }

    @Test
    void aServerThatCannotBeReachedStopsTheRunButIsNotARefusal() {
        MailSendException badPassword = failed(new jakarta.mail.AuthenticationFailedException("535 5.7.8 failed"));
        MailSendException refusedConnection =
                failed(new MessagingException("Could not connect", new ConnectException("Connection refused")));

        assertThat(OutboxSender.isUnreachable(refusedConnection)).isTrue();
        assertThat(OutboxSender.isPermanent(refusedConnection)).isFalse();
        assertThat(OutboxSender.isUnreachable(badPassword)).isTrue();
        assertThat(OutboxSender.isPermanent(badPassword)).isFalse();
    }

    @Test
    void aTextFileIsLabelledWithTheCharsetItsBytesAreIn() {
        Charset cp1251 = Charset.forName("windows-1251");
        byte[] russian = "Счёт на оплату хостинга за декабрь, просим оплатить до пятницы".getBytes(cp1251);

        byte[] letter = ("Добрый день! Направляем счёт на оплату хостинга за декабрь. Просим оплатить его до пятницы,"
                        + " чтобы сайт продолжал работать без перерывов.")
                .getBytes(Charset.forName("KOI8-R"));

        assertThat(OutboxSender.attachmentType("text/plain", russian)).isEqualTo("text/plain; charset=windows-1251");
        assertThat(OutboxSender.attachmentType("text/plain", letter)).isEqualTo("text/plain; charset=KOI8-R");
        assertThat(OutboxSender.attachmentType("text/plain", "Счёт".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("text/plain; charset=UTF-8");
        assertThat(OutboxSender.attachmentType("text/csv; charset=KOI8-R", russian))
                .isEqualTo("text/csv; charset=KOI8-R");
        assertThat(OutboxSender.attachmentType("image/png", russian)).isEqualTo("image/png");
    }

    @Test
    void aFoldedDiagnosticCodeIsReadWhole() {
        String status = "Final-Recipient: rfc822; anna@client.example\r\n"
                + "Action: failed\r\n"
                + "Status: 5.2.2\r\n"
                + "Diagnostic-Code: smtp; 552-5.2.2 The email account that you tried to reach is over quota.\r\n"
                + "    Please direct the recipient to https://support.example/answer\r\n"
                + "\t552 5.2.2 mx.client.example\r\n";

        assertThat(MailParser.field(status, "Diagnostic-Code"))
                .isEqualTo("smtp; 552-5.2.2 The email account that you tried to reach is over quota."
                        + " Please direct the recipient to https://support.example/answer 552 5.2.2 mx.client.example");
        assertThat(MailParser.field(status, "Status")).isEqualTo("5.2.2");
    }

    private static MailSendException failed(Exception e) {
        return new MailSendException(Map.of(new Object(), e));
    }
}
