package dev.tidesk.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The default store: new contents in {@code storage_blob} under a key the owner's row keeps, read
 * back slice by slice; rows written before the storage module keep their bytes and stay readable.
 */
class DatabaseStorageTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Blobs blobs;

    @Autowired
    MailIntake intake;

    @Autowired
    RequestDesk desk;

    @Test
    void aPortalUploadIsKeptInTheDatabaseUnderAKeyAndDownloadsForItsOrganizationOnly() throws Exception {
        Client owner = data.client();
        Client stranger = data.client();
        byte[] file = new byte[2_500_000];
        new Random(7).nextBytes(file);
        MockHttpSession session = portalLogin(owner.login());

        String location = mvc.perform(multipart("/portal/requests")
                        .file(new MockMultipartFile("files", "смета.pdf", "application/pdf", file))
                        .param("subject", "Смета на доработку")
                        .param("body", "Смета во вложении")
                        .param("urgency", "NORMAL")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        Map<String, Object> row = jdbc.queryForMap("""
                select a.id, a.content, a.content_key from ticket_attachment a join ticket t on t.id = a.ticket_id
                 where t.tid = ?""", location.replaceAll(".*/", ""));
        assertThat(row.get("content")).isNull();
        String key = (String) row.get("content_key");
        assertThat(key).startsWith("db:");
        assertThat(jdbc.queryForObject("select content from storage_blob where key = ?", byte[].class, key))
                .isEqualTo(file);

        mvc.perform(get("/portal/attachments/" + row.get("id")).session(session))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().longValue("Content-Length", file.length))
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(file));
        mvc.perform(get("/portal/attachments/" + row.get("id")).session(portalLogin(stranger.login())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aContentIsReadBackInSlicesWhateverTheReadSizes() throws Exception {
        byte[] content = new byte[DatabaseBlobStore.SLICE * 2 + 12_345];
        new Random(11).nextBytes(content);
        String key = blobs.put(new ByteArrayInputStream(content), content.length, "application/octet-stream");
        assertThat(blobs.size(key)).isEqualTo(content.length);
        try (InputStream in = blobs.open(key)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] odd = new byte[70_001];
            for (int n; (n = in.read(odd)) > 0; ) {
                out.write(odd, 0, n);
            }
            assertThat(out.toByteArray()).isEqualTo(content);
        }
        blobs.delete(key);
        assertThat(jdbc.queryForObject("select count(*) from storage_blob where key = ?", Integer.class, key))
                .isZero();
    }

    @Test
    void anAttachmentStoredBeforeTheStorageModuleStillDownloads() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Старое обращение", "С файлом из прошлой версии");
        var agent = data.agent();
        long messageId = desk.reply(ticket.id(), Actor.staff(agent.id(), agent.fullName()), "Ответ", List.of());
        byte[] old = "старый файл".getBytes(StandardCharsets.UTF_8);
        long id = jdbc.queryForObject(
                """
                insert into ticket_attachment (ticket_id, message_id, filename, content_type, size_bytes, sha256,
                  content, created_at) values (?, ?, 'old.txt', 'text/plain', ?, 'x', ?, ?) returning id""", Long.class, ticket.id(), messageId, old.length, old, Timestamp.from(Instant.now()));

        mvc.perform(get("/portal/attachments/" + id).session(portalLogin(client.login())))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(old));
    }

    @Test
    void aMailStoredRawBeforeTheStorageModuleIsStillProcessedAndDownloaded() throws Exception {
        Client client = data.client();
        byte[] raw = ("From: " + client.login() + "\r\nTo: support@tidesk.local\r\nSubject: Old mail\r\n"
                        + "Message-ID: <old-" + System.nanoTime()
                        + "@client.example>\r\n\r\nПисьмо из прошлой версии\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long id = jdbc.queryForObject(
                """
                insert into mail_inbound (source, idempotency_key, size_bytes, raw, status, attempts,
                  next_attempt_at, received_at) values ('old', ?, ?, ?, 'RECEIVED', 0, ?, ?) returning id""",
                Long.class,
                "sha256:" + System.nanoTime(),
                raw.length,
                raw,
                Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));

        intake.process(id);

        assertThat(intake.inbound(id).ticketId()).isNotNull();
        mvc.perform(get("/desk/admin/mail/inbound/" + id + "/raw")
                        .session(deskLogin(data.member(Role.ADMIN).email())))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(raw));
    }

    @Test
    void aNewMailsRawCopyIsKeptUnderAKey() {
        Client client = data.client();
        byte[] raw = ("From: " + client.login() + "\r\nTo: support@tidesk.local\r\nSubject: New mail\r\n"
                        + "Message-ID: <new-" + System.nanoTime() + "@client.example>\r\n\r\nНовое письмо\r\n")
                .getBytes(StandardCharsets.UTF_8);
        long id = intake.receive("smtp", raw).id();
        Map<String, Object> row = jdbc.queryForMap("select raw, raw_key from mail_inbound where id = ?", id);
        assertThat(row.get("raw")).isNull();
        assertThat(blobs.read((String) row.get("raw_key"))).isEqualTo(raw);
        assertThat(intake.inbound(id).ticketId()).isNotNull();
        // the same message again is one row, and its second copy is not left behind
        int blobsBefore = jdbc.queryForObject("select count(*) from storage_blob", Integer.class);
        intake.receive("smtp", raw);
        assertThat(jdbc.queryForObject("select count(*) from storage_blob", Integer.class))
                .isEqualTo(blobsBefore);
    }
}
