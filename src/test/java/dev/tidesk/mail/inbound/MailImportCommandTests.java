package dev.tidesk.mail.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import dev.tidesk.mail.ImportResult;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.mail.outbound.OutboxSender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The import (command line, admin page, API: one {@link MailIntake#importFile}) takes mail through
 * the pipeline once, as history: nobody is mailed, dates are kept, replies still thread.
 */
class MailImportCommandTests extends MailTest {

    @Autowired
    MailImportCommand command;

    @Test
    void importsAFolderAndSkipsWhatWasImportedBefore(@TempDir Path dir) throws Exception {
        Client client = data.client();
        for (int i = 0; i < 3; i++) {
            Files.writeString(
                    dir.resolve("m" + i + ".eml"),
                    "From: " + client.login() + "\r\nSubject: CLI " + i + "\r\nMessage-ID: <cli-" + i + "-"
                            + System.nanoTime() + "@client.example>\r\n\r\nbody\r\n");
        }
        Files.writeString(dir.resolve("notes.txt"), "not a mail");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.importPath(dir, new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 3 messages (0 seen before)");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        command.importPath(dir, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("Imported 3 messages (3 seen before)");
    }

    @Autowired
    MailIntake intake;

    @Autowired
    dev.tidesk.ticket.RequestQueries requests;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    OutboxSender sender;

    static String eml(String from, String subject, String date, String messageId, String body, String... headers) {
        return "From: " + from + "\r\nTo: support@tidesk.local\r\nSubject: " + subject + "\r\nDate: " + date
                + "\r\nMessage-ID: " + messageId + "\r\n"
                + String.join(
                        "",
                        java.util.Arrays.stream(headers).map(h -> h + "\r\n").toList())
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    static byte[] zip(java.util.Map<String, String> files) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (var e : files.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void anImportedMailboxIsHistoryItMailsNobodyKeepsItsDatesAndStillThreads() throws Exception {
        Client client = data.client();
        String colleague =
                "colleague" + System.nanoTime() + "@" + client.organization().emailDomain();
        long n = System.nanoTime();
        String first = "<exp1-" + n + "@client.example>";
        java.util.Map<String, String> export = new java.util.LinkedHashMap<>();
        export.put(
                "1.eml",
                eml(client.login(), "Сайт не открывается", "Fri, 1 Mar 2024 10:00:00 +0300", first, "Ошибка 502"));
        export.put(
                "2.eml",
                eml(
                        "Tidesk <support@tidesk.local>",
                        "Re: Сайт не открывается",
                        "Fri, 1 Mar 2024 11:00:00 +0300",
                        "<exp2-" + n + "@tidesk.local>",
                        "Смотрим",
                        "In-Reply-To: " + first));
        export.put(
                "3.eml",
                eml(
                        client.login(),
                        "Re: Сайт не открывается",
                        "Fri, 1 Mar 2024 12:00:00 +0300",
                        "<exp3-" + n + "@client.example>",
                        "Заработало",
                        "In-Reply-To: " + first));
        export.put(
                "4.eml",
                eml(
                        colleague,
                        "Новая форма",
                        "Mon, 4 Mar 2024 09:30:00 +0300",
                        "<exp4-" + n + "@client.example>",
                        "Нужна форма заказа"));
        long outboxBefore = jdbc.queryForObject("select coalesce(max(id), 0) from mail_outbox", Long.class);

        ImportResult result = intake.importFile("export.zip", zip(export));

        assertThat(result.messages())
                .extracting(InboundView::outcome)
                .containsExactly("NEW_REQUEST", "OWN_MAIL", "REPLY", "NEW_REQUEST");
        assertThat(jdbc.queryForList("select recipient from mail_outbox where id > ?", String.class, outboxBefore))
                .isEmpty();
        sender.sendDue();
        assertThat(sentTo(client.login())).isEmpty();
        assertThat(sentTo(colleague)).isEmpty();

        dev.tidesk.ticket.TicketView opened =
                requests.ticket(result.messages().get(0).ticketId());
        assertThat(result.messages().get(2).ticketId()).isEqualTo(opened.id());
        assertThat(opened.createdAt()).isEqualTo(java.time.Instant.parse("2024-03-01T07:00:00Z"));
        assertThat(requests.messages(opened.id(), false))
                .extracting(dev.tidesk.ticket.MessageView::createdAt)
                .containsExactly(
                        java.time.Instant.parse("2024-03-01T07:00:00Z"),
                        java.time.Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(requests.ticket(result.messages().get(3).ticketId()).createdAt())
                .isEqualTo(java.time.Instant.parse("2024-03-04T06:30:00Z"));

        // asked for explicitly, an import acknowledges the requests it opens
        ImportResult live = intake.importFile(
                "one.eml",
                eml(
                                client.login(),
                                "Ещё одно",
                                "Tue, 5 Mar 2024 09:00:00 +0300",
                                "<exp5-" + n + "@client.example>",
                                "Текст")
                        .getBytes(StandardCharsets.UTF_8),
                true);
        assertThat(live.messages())
                .singleElement()
                .satisfies(m -> assertThat(m.outcome()).isEqualTo("NEW_REQUEST"));
        sender.sendDue();
        assertThat(sentTo(client.login()))
                .singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("Ещё одно"));
    }
}
