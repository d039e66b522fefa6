package dev.tidesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.mail.InboundStatus;
import dev.tidesk.mail.InboundView;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corpus under src/test/resources/eml (made by make-corpus.py there): each mail client, charset and breakage. */
public class MailParserTests {

    public static byte[] eml(String name) {
        try (InputStream in = MailParserTests.class.getResourceAsStream("/eml/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "gmail-utf8-plain.eml            | anna@client.example  | Не работает корзина на сайте | При оплате выдаёт ошибку 500.",
                "thebat-koi8r.eml                | ivan@client.example  | Тема в KOI8-R                | Привет из KOI8-R: ёлка и щи",
                "outlook-cp1251-alternative.eml  | olga@client.example  | Счёт за март                 | Письмо в windows-1251",
                "iso8859-5.eml                   | petr@client.example  | iso-8859-5                   | Текст в ISO-8859-5",
                "raw-8bit-subject.eml            | old@client.example   | Тема без кодирования         | Тело",
                "apple-related-cid.eml           | mac@client.example   | Screenshot                   | Look at this",
                "nested-forward.eml              | fwd@client.example   | Fwd: original problem        | Forwarding the client's mail.",
            })
    void readsSenderSubjectAndTextInEveryCharset(String file, String from, String subject, String text) {
        ParsedMail mail = MailParser.parse(eml(file));
        assertThat(mail.fromAddress()).isEqualTo(from);
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.text()).contains(text);
    }

    @Test
    void decodesTheSendersNameAndTheMessageId() {
        ParsedMail mail = MailParser.parse(eml("gmail-utf8-plain.eml"));
        assertThat(mail.fromName()).isEqualTo("Анна Петрова");
        assertThat(mail.messageId()).isEqualTo("<CAF+gmail-1@mail.gmail.com>");
    }

    @Test
    void attachmentNamesInRfc2231AndRfc2047AreDecoded() {
        ParsedMail mail = MailParser.parse(eml("thunderbird-attachments.eml"));
        assertThat(mail.attachments())
                .extracting(ParsedMail.Part::filename)
                .containsExactly("Договор №5.pdf", "Смета.xlsx");
        assertThat(new String(mail.attachments().get(0).content(), StandardCharsets.US_ASCII))
                .startsWith("%PDF");
        assertThat(mail.text()).isEqualTo("See the files.");
    }

    @Test
    void inlineCidImagesAreKeptAndShownFromOurRoute() {
        ParsedMail mail = MailParser.parse(eml("apple-related-cid.eml"));
        assertThat(mail.attachments()).singleElement().satisfies(p -> {
            assertThat(p.filename()).isEqualTo("shot.png");
            assertThat(p.contentId()).isEqualTo("<shot@apple>");
            assertThat(p.inline()).isTrue();
        });
        InboundView view = new InboundView(
                7, "test", null, null, null, 0, InboundStatus.PROCESSED, null, 0, null, null, null, null);
        InboundDisplay display = MailDisplay.of(view, mail, false);
        assertThat(display.html()).contains("src=\"/desk/admin/mail/inbound/7/files/0\"");
    }

    @Test
    void htmlIsSanitizedAndRemoteImagesAreBlockedUntilAsked() {
        ParsedMail mail = MailParser.parse(eml("outlook-cp1251-alternative.eml"));
        assertThat(mail.html()).contains("<script>");
        InboundView view = new InboundView(
                8, "test", null, null, null, 0, InboundStatus.PROCESSED, null, 0, null, null, null, null);
        InboundDisplay blocked = MailDisplay.of(view, mail, false);
        assertThat(blocked.html())
                .doesNotContain("<script", "onclick", " src=\"https://tracker.example")
                .contains(
                        "Письмо в <b>windows-1251</b>",
                        "data-blocked-src=\"https://tracker.example/p.gif\"",
                        "rel=\"noopener noreferrer nofollow\"");
        assertThat(blocked.remoteBlocked()).isEqualTo(1);
        assertThat(MailDisplay.of(view, mail, true).html()).contains("src=\"https://tracker.example/p.gif\"");
    }

    @Test
    void aNestedMessageIsKeptWholeAsAnEmlFile() {
        ParsedMail mail = MailParser.parse(eml("nested-forward.eml"));
        assertThat(mail.attachments()).singleElement().satisfies(p -> {
            assertThat(p.filename()).isEqualTo("Исходное письмо.eml");
            assertThat(p.contentType()).isEqualTo("message/rfc822");
            ParsedMail inner = MailParser.parse(p.content());
            assertThat(inner.text()).isEqualTo("inner text");
            assertThat(inner.attachments())
                    .extracting(ParsedMail.Part::filename)
                    .containsExactly("log.txt");
        });
    }

    @Test
    void aForwardedMessageIsReadForItsSenderDateSubjectAndText() {
        ParsedMail mail = MailParser.parse(eml("nested-forward.eml"));
        assertThat(mail.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("inner text");
            assertThat(f.subject()).isNotBlank();
        });
    }

    @Test
    void forwardsInsideForwardsAreReadOnlyThreeDeep() {
        // fifty messages each forwarded as an attachment of the next: every level is read once
        // (no parse per level per level) and only the first levels are read at all
        String inner = "From: level0@client.example\r\nSubject: level 0\r\nContent-Type: text/plain\r\n\r\ntext 0\r\n";
        for (int i = 1; i <= 50; i++) {
            inner = "From: level" + i + "@client.example\r\nSubject: level " + i
                    + "\r\nContent-Type: multipart/mixed; boundary=\"L" + i + "\"\r\n\r\n--L" + i
                    + "\r\nContent-Type: text/plain\r\n\r\ntext " + i + "\r\n--L" + i
                    + "\r\nContent-Type: message/rfc822\r\n\r\n" + inner + "\r\n--L" + i + "--\r\n";
        }
        ParsedMail mail = MailParser.parse(inner.getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.text()).isEqualTo("text 50");
        assertThat(mail.forwarded()).singleElement().satisfies(f -> {
            assertThat(f.fromAddress()).isEqualTo("level49@client.example");
            assertThat(f.subject()).isEqualTo("level 49");
            assertThat(f.text()).isEqualTo("text 49");
        });
        assertThat(mail.attachments())
                .singleElement()
                .satisfies(p -> assertThat(p.filename()).isEqualTo("level 49.eml"));
    }

    @Test
    void brokenEncodingsNeverCrashAndKeepWhatCanBeRead() {
        ParsedMail mail = MailParser.parse(eml("broken-encodings.eml"));
        assertThat(mail.fromAddress()).isEqualTo("broken@client.example");
        assertThat(mail.subject()).startsWith("Hello");
        assertThat(mail.text()).contains("Это cp1251 под видом utf-8");
        assertThat(mail.attachments()).extracting(ParsedMail.Part::filename).contains("bad.bin");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "garbage                     | not a mail at all",
                "missing final boundary      | Content-Type: multipart/mixed; boundary=X\\n\\n--X\\nContent-Type: text/plain\\n\\nhello",
                "empty                       | ''",
                "header only                 | Subject: =?utf-8?Q?=D0=9F=D1=80=D0?=",
            })
    void anythingParsesWithoutThrowing(String name, String raw) {
        ParsedMail mail = MailParser.parse(raw.replace("\\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(mail).isNotNull();
    }

    @Test
    void deepNestingAndThousandsOfPartsAreBounded() {
        StringBuilder deep = new StringBuilder("From: a@b.example\r\n");
        for (int i = 0; i < 5000; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        deep.append("Content-Type: text/plain\r\n\r\ndeepest\r\n");
        ParsedMail nested = MailParser.parse(deep.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(nested.warnings()).anyMatch(w -> w.contains("Nested deeper"));

        StringBuilder many =
                new StringBuilder("From: a@b.example\r\nContent-Type: multipart/mixed; boundary=\"M\"\r\n\r\n");
        for (int i = 0; i < 1500; i++) {
            many.append("--M\r\nContent-Type: application/octet-stream; name=\"f")
                    .append(i)
                    .append(".bin\"\r\n\r\nx\r\n");
        }
        many.append("--M--\r\n");
        ParsedMail files = MailParser.parse(many.toString().getBytes(StandardCharsets.US_ASCII));
        assertThat(files.attachments()).hasSize(1000);
    }

    @Test
    void aDeliveryReportNamesTheFailedRecipientAndTheOriginalMessage() {
        String raw = new String(eml("dsn-bounce.eml"), StandardCharsets.US_ASCII)
                .replace("{ORIGINAL}", "<orig-1@tidesk.local>");
        ParsedMail mail = MailParser.parse(raw.getBytes(StandardCharsets.US_ASCII));
        assertThat(mail.dsn()).isNotNull();
        assertThat(mail.dsn().finalRecipient()).isEqualTo("gone@client.example");
        assertThat(mail.dsn().action()).isEqualTo("failed");
        assertThat(mail.dsn().status()).isEqualTo("5.1.1");
        assertThat(mail.dsn().originalMessageId()).isEqualTo("<orig-1@tidesk.local>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "outlook-reply-quoted.eml  | Спасибо, всё работает.  | Old text",
                "gmail-reply-ru-quoted.eml | Да, проверила.          | Старый текст",
            })
    void quotedHistoryIsCutForDisplayButSignaturesStay(String file, String kept, String cut) {
        ParsedMail mail = MailParser.parse(eml(file));
        String shown = QuotedHistory.strip(mail.text());
        assertThat(shown).contains(kept).doesNotContain(cut);
        assertThat(mail.text()).contains(cut);
        if (file.startsWith("outlook")) {
            assertThat(shown).contains("С уважением,\nОльга");
        }
    }

    /**
     * Russian text whose label is missing, unknown or cannot be right is read in the charset the
     * detector recognises, not in windows-1251 regardless; a label that can be right is obeyed.
     */
    @ParameterizedTest(name = "{0} labelled {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "KOI8-R       | x-unknown-cyr",
                "KOI8-R       | ''",
                "KOI8-R       | us-ascii",
                "KOI8-R       | utf-8",
                "ISO-8859-5   | x-unknown-cyr",
                "IBM866       | ''",
                "windows-1251 | cp-1251-rus",
                "windows-1251 | us-ascii",
            })
    void textUnderAWrongOrMissingLabelIsReadInTheCharsetItIsIn(String actual, String label) {
        String text = "Добрый день! После обновления сайта перестала работать форма заказа на странице "
                + "доставки. Клиенты пишут, что кнопка Отправить ничего не делает. Проверьте, пожалуйста, "
                + "это срочно: сегодня распродажа.";
        byte[] head = ("From: a@client.example\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: text/plain"
                        + (label.isEmpty() ? "" : "; charset=" + label) + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] body = text.getBytes(java.nio.charset.Charset.forName(actual));
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        assertThat(MailParser.parse(raw).text()).contains("Клиенты пишут, что кнопка Отправить ничего не делает");
    }

    @Test
    void aLabelThatCanBeRightIsObeyed() {
        byte[] koi8 = "Проверка".getBytes(java.nio.charset.Charset.forName("KOI8-R"));
        assertThat(MailParser.decode(koi8, "koi8-r")).isEqualTo("Проверка");
        assertThat(MailParser.decode("Plain text".getBytes(StandardCharsets.US_ASCII), "us-ascii"))
                .isEqualTo("Plain text");
    }
}
