package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.mail.inbound.MailParser;
import dev.tidesk.mail.inbound.ParsedMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Mail that mail programs show fine although it breaks the rules: each case with the text a mail
 * program shows for it.
 */
class MailDecodingTests {

    /** Builds a raw message from header lines and a body, each given as bytes already (8-bit stays 8-bit). */
    static byte[] raw(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            out.writeBytes(p instanceof byte[] b ? b : p.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    static final String HEAD = "From: anna@client.example\r\nSubject: s\r\nMessage-ID: <d@client.example>\r\n";

    @Test
    void base64WithoutItsFinalPaddingIsReadWhole() {
        // "Привет, сайт не работает!" in UTF-8, base64 with the trailing "=" cut off
        String b64 = java.util.Base64.getEncoder()
                .encodeToString("Привет, сайт не работает!".getBytes(StandardCharsets.UTF_8))
                .replace("=", "");
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: text/plain; charset=utf-8\r\n" + "Content-Transfer-Encoding: base64\r\n\r\n",
                b64,
                "\r\n"));
        assertThat(mail.text()).isEqualTo("Привет, сайт не работает!");
    }

    @ParameterizedTest
    @CsvSource({"8bits", "plain", "x-unknown-garbage", "7-bit"})
    void anUnknownTransferEncodingIsReadAs8bit(String encoding) {
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: text/plain; charset=utf-8\r\n" + "Content-Transfer-Encoding: " + encoding
                        + "\r\n\r\nСайт лежит с утра\r\n"));
        assertThat(mail.text()).isEqualTo("Сайт лежит с утра");
    }

    @Test
    void anUnknownTransferEncodingOfAnAttachmentKeepsItsBytes() {
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\n\r\nСм. файл\r\n--b\r\n"
                        + "Content-Type: text/csv; name=a.csv\r\nContent-Transfer-Encoding: 8bits\r\n"
                        + "Content-Disposition: attachment; filename=a.csv\r\n\r\nid;name\r\n--b--\r\n"));
        assertThat(mail.text()).isEqualTo("См. файл");
        assertThat(mail.attachments())
                .singleElement()
                .satisfies(a -> assertThat(new String(a.content(), StandardCharsets.UTF_8))
                        .startsWith("id;name"));
    }

    @Test
    void raw8bitFileNamesAreReadAsUtf8() {
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                        + "Content-Type: text/plain\r\n\r\nFoto\r\n--b\r\n"
                        + "Content-Type: image/jpeg; name=\"Hofjägerallee 1.jpg\"\r\n"
                        + "Content-Disposition: attachment; filename=\"Hofjägerallee 1.jpg\"\r\n"
                        + "Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n--b--\r\n"));
        assertThat(mail.attachments()).extracting(ParsedMail.Part::filename).containsExactly("Hofjägerallee 1.jpg");
    }

    @Test
    void raw8bitFileNamesInASingleByteCharsetAreDetectedNotLatin1() {
        byte[] name = "Договор поставки №5.pdf".getBytes(Charset.forName("windows-1251"));
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                        + "Content-Type: text/plain\r\n\r\nДоговор\r\n--b\r\nContent-Type: application/pdf\r\n"
                        + "Content-Disposition: attachment; filename=\"",
                name,
                "\"\r\n\r\n%PDF\r\n--b--\r\n"));
        assertThat(mail.attachments()).extracting(ParsedMail.Part::filename).containsExactly("Договор поставки №5.pdf");
    }

    @Test
    void anUnencodedShiftJisSubjectIsReadAsShiftJis() {
        byte[] subject = "ウェブサイトが表示されません".getBytes(Charset.forName("Shift_JIS"));
        ParsedMail mail = MailParser.parse(
                raw("From: taro@client.example\r\nSubject: ", subject, "\r\nContent-Type: text/plain\r\n\r\nbody\r\n"));
        assertThat(mail.subject()).isEqualTo("ウェブサイトが表示されません");
    }

    @Test
    void gb2312IsReadAsGb18030LikeMailProgramsDo() {
        // 镕 is outside GB2312 but in GBK, and mailers label such text gb2312
        byte[] body = "朱镕基 网站打不开".getBytes(Charset.forName("GBK"));
        ParsedMail mail = MailParser.parse(raw(
                HEAD,
                "Content-Type: text/plain; charset=gb2312\r\n" + "Content-Transfer-Encoding: 8bit\r\n\r\n",
                body,
                "\r\n"));
        assertThat(mail.text()).isEqualTo("朱镕基 网站打不开");
    }

    @Test
    void iso2022jpIsReadWithItsCommonExtensions() {
        // ① (NEC row 13) and ＜ in ISO-2022-JP: ESC $ B 0x2D21 ESC ( B
        byte[] body = {0x1b, '$', 'B', 0x2d, 0x21, 0x24, 0x22, 0x1b, '(', 'B', ' ', 'o', 'k'};
        ParsedMail mail =
                MailParser.parse(raw(HEAD, "Content-Type: text/plain; charset=iso-2022-jp\r\n\r\n", body, "\r\n"));
        assertThat(mail.text()).isEqualTo("①あ ok");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        # From header (and others)                                   | sender
        From: Test test@example.com                                   | test@example.com
        From: anna@client.example, boris@client.example               | anna@client.example
        From: undisclosed\\nSender: Anna <anna@client.example>        | anna@client.example
        From: <>\\nReply-To: anna@client.example                      | anna@client.example
        From: \\"Анна\\" <anna@client.example>                         | anna@client.example
        """)
    void theSenderIsTheFirstValidAddressOfFromThenSenderThenReplyTo(String headers, String sender) {
        ParsedMail mail = MailParser.parse(
                raw(headers.replace("\\n", "\r\n").replace("\\\"", "\""), "\r\nSubject: s\r\n\r\nbody\r\n"));
        assertThat(mail.fromAddress()).isEqualTo(sender);
    }

    @Test
    void noValidAddressAnywhereIsNoSender() {
        ParsedMail mail = MailParser.parse(raw("From: Test Testov\r\nReply-To: nobody\r\nSubject: s\r\n\r\nbody\r\n"));
        assertThat(mail.fromAddress()).isNull();
    }

    @Test
    void aForwardedMessagesFileNameKeepsItsWholeSubject() {
        ParsedMail mail = MailParser.parse(
                raw(
                        HEAD,
                        "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                                + "Content-Type: text/plain\r\n\r\nsee below\r\n--b\r\nContent-Type: message/rfc822\r\n\r\n"
                                + "From: x@y.example\r\nSubject: Angebot 3/2025: Glasfaser/DSL im Netz\r\n\r\ntext\r\n--b--\r\n"));
        assertThat(mail.attachments())
                .extracting(ParsedMail.Part::filename)
                .containsExactly("Angebot 3_2025_ Glasfaser_DSL im Netz.eml");
    }
}
