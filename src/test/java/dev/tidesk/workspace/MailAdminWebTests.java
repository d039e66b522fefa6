package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.InboundStatus;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.mail.MailTiles;
import dev.tidesk.team.StaffView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/** The incoming-mail admin pages: who may see them, the message page, quarantine, import. */
class MailAdminWebTests extends WebTest {

    @Autowired
    MailIntake intake;

    static byte[] eml(String name) throws Exception {
        return MailAdminWebTests.class.getResourceAsStream("/eml/" + name).readAllBytes();
    }

    static byte[] mail(String from, String subject) {
        return ("From: " + from + "\r\nSubject: " + subject + "\r\nMessage-ID: <w" + System.nanoTime()
                        + "@client.example>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nТекст письма\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    MockHttpSession admin() throws Exception {
        StaffView admin = data.member(Role.ADMIN);
        return deskLogin(admin.email());
    }

    @Test
    void adminsSeeBouncingAddressesAndClearTheMark() throws Exception {
        dev.tidesk.TestData.Client client = data.client();
        dev.tidesk.ticket.TicketView t = data.request(client, "Bounce", "body");
        String ackId =
                jdbc.queryForObject("select message_id from mail_outbox where ticket_id = ?", String.class, t.id());
        String dsn = new String(eml("dsn-bounce.eml"), StandardCharsets.US_ASCII)
                .replace("{ORIGINAL}", ackId)
                .replace("gone@client.example", client.login())
                .replace("<dsn-1@", "<dsn-" + System.nanoTime() + "@");
        intake.receive("test", dsn.getBytes(StandardCharsets.US_ASCII));
        MockHttpSession admin = admin();
        mvc.perform(get("/desk/admin/mail/bouncing")
                        .session(deskLogin(data.agent().email())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desk/admin/mail/bouncing").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(client.login())))
                .andExpect(content().string(containsString("5.1.1")));
        mvc.perform(post("/desk/admin/mail/bouncing/clear")
                        .param("address", client.login())
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/admin/mail/bouncing").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Автоматические письма снова уходят на " + client.login())))
                .andExpect(content().string(not(containsString("value=\"" + client.login() + "\""))));
        assertThat(intake.bouncingAddresses(1000))
                .extracting(dev.tidesk.mail.inbound.BouncingAddress::address)
                .doesNotContain(client.login());
    }

    @Test
    void onlyAdminsSeeIncomingMail() throws Exception {
        StaffView agent = data.agent();
        mvc.perform(get("/desk/admin/mail").session(deskLogin(agent.email()))).andExpect(status().isForbidden());
        mvc.perform(get("/desk/admin/mail").session(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Входящая почта")));
    }

    @Test
    void theMessagePageSaysInWordsWhatTheLoopRulesTookAMessageFor() throws Exception {
        byte[] raw = ("From: robot@shop.example\r\nTo: support@tidesk.local\r\nSubject: Out of office\r\n"
                        + "Message-ID: <auto-" + System.nanoTime()
                        + "@shop.example>\r\nAuto-Submitted: auto-replied\r\n\r\n"
                        + "I am away.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        InboundView view = intake.receive("test", raw);
        mvc.perform(get("/desk/admin/mail/inbound/" + view.id()).session(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Автоматическое письмо (без подтверждения)")))
                .andExpect(content().string(containsString(": Auto-Submitted: auto-replied")));
    }

    @Test
    void theMessagePageShowsSanitizedHtmlBlocksRemoteImagesAndOffersTheRawMessage() throws Exception {
        byte[] raw = new String(eml("outlook-cp1251-alternative.eml"), StandardCharsets.ISO_8859_1)
                .replace("<outlook-1@client.example>", "<outlook-" + System.nanoTime() + "@client.example>")
                .getBytes(StandardCharsets.ISO_8859_1);
        InboundView view = intake.receive("test", raw);
        MockHttpSession admin = admin();
        mvc.perform(get("/desk/admin/mail/inbound/" + view.id()).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Письмо в <b>windows-1251</b>")))
                .andExpect(content().string(not(containsString("alert(1)"))))
                .andExpect(content().string(not(containsString(" src=\"https://tracker.example"))))
                .andExpect(content().string(containsString("Показать изображения")))
                .andExpect(content().string(containsString("Письмо человека")))
                .andExpect(content().string(not(containsString("PERSON"))));
        mvc.perform(get("/desk/admin/mail/inbound/" + view.id() + "/raw").session(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(raw));
    }

    @Test
    void aQuarantinedMessageCanBeTurnedIntoARequestByHand() throws Exception {
        StaffView agent = data.agent();
        InboundView stray = intake.receive("test", mail(agent.email(), "Не про обращение"));
        assertThat(stray.status()).isEqualTo(InboundStatus.QUARANTINED);
        MockHttpSession admin = admin();
        mvc.perform(get("/desk/admin/mail").param("status", "QUARANTINED").session(admin))
                .andExpect(content().string(containsString("Не про обращение")));
        mvc.perform(post("/desk/admin/mail/inbound/" + stray.id() + "/create-request")
                        .session(admin))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/mail/inbound/" + stray.id() + "/create-request")
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        InboundView made = intake.inbound(stray.id());
        assertThat(made.status()).isEqualTo(InboundStatus.PROCESSED);
        assertThat(made.outcome()).isEqualTo("NEW_REQUEST");
        mvc.perform(get("/desk/admin/mail/inbound/" + stray.id() + "/request").session(admin))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/desk/requests/")));
    }

    @Test
    void emlFilesAndZipsAreImportedOnceThroughTheSamePipeline() throws Exception {
        var client = data.client();
        byte[] one = mail(client.login(), "Импорт один");
        byte[] two = mail(client.login(), "Импорт два");
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(zipped)) {
            for (byte[] m : new byte[][] {one, two}) {
                zip.putNextEntry(new ZipEntry("mail-" + m.length + System.nanoTime() + ".eml"));
                zip.write(m);
                zip.closeEntry();
            }
        }
        MockHttpSession admin = admin();
        mvc.perform(multipart("/desk/admin/mail/import")
                        .file(new MockMultipartFile("files", "one.eml", "message/rfc822", one))
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(multipart("/desk/admin/mail/import")
                        .file(new MockMultipartFile("files", "all.zip", "application/zip", zipped.toByteArray()))
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/admin/mail/api/import")
                        .contentType("message/rfc822")
                        .content(two)
                        .session(admin)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(intake.recent(null, 500))
                .filteredOn(m -> m.subject() != null && m.subject().startsWith("Импорт"))
                .filteredOn(m -> m.fromAddress().equals(client.login()))
                .hasSize(2);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theRequestPageShowsFailedMailsAndTheIncomingMailOfTheRequest() throws Exception {
        var client = data.client();
        InboundView in = intake.receive("test", mail(client.login(), "Письмо с ошибкой доставки"));
        var ticket = dev.tidesk.ticket.TicketView.class.cast(
                context.getBean(dev.tidesk.ticket.RequestQueries.class).ticket(in.ticketId()));
        jdbc.update(
                "update mail_outbox set status = 'FAILED', last_error = '550 5.1.1 no such mailbox' where ticket_id = ?",
                ticket.id());
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("550 5.1.1 no such mailbox")))
                .andExpect(content().string(containsString("/desk/admin/mail/inbound/" + in.id())));
    }

    @Test
    void theAdminMenuCountsTheMailThatFailedForGoodAndNothingElse() throws Exception {
        var client = data.client();
        InboundView in = intake.receive("test", mail(client.login(), "Письмо для счёта ошибок"));
        MockHttpSession admin = admin();
        long failed = jdbc.queryForObject("select count(*) from mail_outbox where status = 'FAILED'", Long.class);
        long pending = jdbc.queryForObject(
                "select count(*) from mail_outbox where ticket_id = ? and status = 'PENDING'",
                Long.class,
                in.ticketId());
        assertThat(pending)
                .as("the acknowledgement waits in the outbox, not counted yet")
                .isPositive();
        assertThat(failedBadge(admin)).isEqualTo(failed);

        jdbc.update(
                "update mail_outbox set status = 'FAILED', last_error = '550 5.1.1 no such mailbox' where ticket_id = ?",
                in.ticketId());
        assertThat(failedBadge(admin)).isEqualTo(failed + pending);
    }

    @Test
    void theOutboxTilesCountTheLastDaysSentMailAndStopCountingPastTheirCap() throws Exception {
        MockHttpSession admin = admin();
        String run = "tiles" + System.nanoTime();
        long sentBefore = Long.parseLong(outboxTile(admin, "Отправлено за сутки"));
        // one mail sent an hour ago, one two days ago: the tile counts the last day's
        jdbc.update("""
                insert into mail_outbox (event_key, recipient, subject, text_body, message_id, status, attempts,
                                         next_attempt_at, created_at, sent_at)
                select ? || g, 'anna@tiles.example', 'Тема', 'Текст', '<' || ? || g || '@tidesk.local>', 'SENT', 1,
                       now() - d, now() - d, now() - d
                  from (values (1, interval '1 hour'), (2, interval '2 days')) v(g, d)""", run, run);
        try {
            assertThat(Long.parseLong(outboxTile(admin, "Отправлено за сутки"))).isEqualTo(sentBefore + 1);

            // more held-back mail than a tile counts: it says so instead of counting them all
            jdbc.update("""
                    insert into mail_outbox (event_key, recipient, subject, text_body, message_id, status, attempts,
                                             next_attempt_at, created_at)
                    select ? || 'held' || g, 'anna@tiles.example', 'Тема', 'Текст', '<' || ? || 'held' || g
                           || '@tidesk.local>', 'HELD', 0, now(), now()
                      from generate_series(1, ?) g""", run, run, MailTiles.CAP + 1);
            assertThat(outboxTile(admin, "Не отправлено")).matches("10\\D?000\\+");
        } finally {
            jdbc.update("delete from mail_outbox where event_key like ?", run + "%");
        }
    }

    @Test
    void theIncomingMailTilesCountTheLastDaysProcessedMail() throws Exception {
        var client = data.client();
        MockHttpSession admin = admin();
        long before = Long.parseLong(tile(admin, "/desk/admin/mail", "Обработано за сутки"));
        InboundView today = intake.receive("test", mail(client.login(), "Письмо сегодня"));
        InboundView earlier = intake.receive("test", mail(client.login(), "Письмо позавчера"));
        assertThat(today.status()).isEqualTo(InboundStatus.PROCESSED);
        assertThat(earlier.status()).isEqualTo(InboundStatus.PROCESSED);
        jdbc.update("update mail_inbound set received_at = now() - interval '2 days' where id = ?", earlier.id());

        assertThat(Long.parseLong(tile(admin, "/desk/admin/mail", "Обработано за сутки")))
                .isEqualTo(before + 1);
    }

    private String outboxTile(MockHttpSession session, String label) throws Exception {
        return tile(session, "/desk/admin/outbox", label);
    }

    /** The number on one of an admin mail page's tiles, by its label. */
    private String tile(MockHttpSession session, String path, String label) throws Exception {
        String page = mvc.perform(get(path).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher tile = Pattern.compile(
                        "class=\"tile-num\">([^<]+)</span><span class=\"tile-label\">" + Pattern.quote(label) + "<")
                .matcher(page);
        assertThat(tile.find()).as("a tile labelled " + label).isTrue();
        return tile.group(1);
    }

    static final Pattern FAILED_BADGE = Pattern.compile("id=\"outbox-failed\"[^>]*>(\\d+)</span>");

    /** The number next to the outbox in the admin menu (0 when it shows none). */
    private long failedBadge(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/desk").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher badge = FAILED_BADGE.matcher(page);
        return badge.find() ? Long.parseLong(badge.group(1)) : 0;
    }

    @Test
    void mailboxesAreAddedWithCsrfAndShownWithoutPasswords() throws Exception {
        MockHttpSession admin = admin();
        String name = "box-web-" + System.nanoTime();
        mvc.perform(post("/desk/admin/mail/mailboxes")
                        .session(admin)
                        .with(csrf())
                        .param("name", name)
                        .param("host", "imap.example")
                        .param("port", "993")
                        .param("tls", "true")
                        .param("username", "support")
                        .param("password", "very-secret-pw")
                        .param("folder", "INBOX")
                        .param("pollSeconds", "60")
                        .param("enabled", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/admin/mail/mailboxes").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)))
                .andExpect(content().string(not(containsString("very-secret-pw"))));
    }

    @Test
    void aMailboxFormWithAnErrorIsShownAgainWithoutThePassword() throws Exception {
        mvc.perform(post("/desk/admin/mail/mailboxes")
                        .session(admin())
                        .with(csrf())
                        .param("name", "box-err")
                        .param("host", "")
                        .param("port", "993")
                        .param("username", "support")
                        .param("password", "typed-secret-pw")
                        .param("pollSeconds", "60"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"support\"")))
                .andExpect(content().string(not(containsString("typed-secret-pw"))));
    }
}
