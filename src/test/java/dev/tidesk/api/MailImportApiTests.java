package dev.tidesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.identity.Role;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Scripts import .eml files and zips over the API with an admin token; the same message twice is one request. */
class MailImportApiTests extends WebTest {

    @Autowired
    ApiTokens tokens;

    @Autowired
    RequestQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    static byte[] eml(String from, String subject, String id) {
        return ("From: " + from + "\r\nTo: support@tidesk.local\r\nSubject: " + subject + "\r\nMessage-ID: " + id
                        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nПисьмо из старой системы\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAdminTokenImportsAnEmlOnceAndAZipOfThem() throws Exception {
        Client client = data.client();
        String token = tokens.issue(accountOf(data.member(Role.ADMIN).email()), "migration script");
        String id = "<import-api-" + System.nanoTime() + "@old.example>";
        byte[] one = eml(client.login(), "Перенос из старой системы", id);

        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + token)
                        .contentType("message/rfc822")
                        .content(one))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages").value(1))
                .andExpect(jsonPath("$.duplicates").value(0))
                .andExpect(jsonPath("$.results[0].outcome").value("NEW_REQUEST"))
                .andExpect(jsonPath("$.results[0].tid").isNotEmpty());
        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + token)
                        .contentType("message/rfc822")
                        .content(one))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.duplicates").value(1));
        assertThat(queries.organizationRequests(client.organization().id(), "", "", 0, 10)
                        .getContent())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.subject()).isEqualTo("Перенос из старой системы");
                    assertThat(t.channel()).isEqualTo(Channel.EMAIL);
                });

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            for (int i = 1; i <= 2; i++) {
                out.putNextEntry(new ZipEntry("archive/" + i + ".eml"));
                out.write(
                        eml(client.login(), "Из архива " + i, "<zip-" + i + "-" + System.nanoTime() + "@old.example>"));
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("not a mail".getBytes(StandardCharsets.US_ASCII));
            out.closeEntry();
        }
        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + token)
                        .contentType("application/zip")
                        .content(zip.toByteArray()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.messages").value(2))
                .andExpect(jsonPath("$.results[1].outcome").value("NEW_REQUEST"));
        assertThat(queries.organizationRequests(client.organization().id(), "", "", 0, 10)
                        .getContent())
                .extracting(TicketView::subject)
                .containsExactlyInAnyOrder("Перенос из старой системы", "Из архива 1", "Из архива 2");
    }

    @Test
    void onlyAdminTokensMayImport() throws Exception {
        Client client = data.client();
        String id = "<import-denied-" + System.nanoTime() + "@old.example>";
        byte[] one = eml(client.login(), "Не должно попасть", id);
        String agentToken = tokens.issue(accountOf(data.agent().email()), "agent script");
        String headToken = tokens.issue(accountOf(data.member(Role.HEAD).email()), "head script");

        mvc.perform(post("/api/v1/mail/import").contentType("message/rfc822").content(one))
                .andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + agentToken)
                        .contentType("message/rfc822")
                        .content(one))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + headToken)
                        .contentType("message/rfc822")
                        .content(one))
                .andExpect(status().isForbidden());
        // a staff session cookie is no API credential
        mvc.perform(post("/api/v1/mail/import")
                        .session(deskLogin(data.member(Role.ADMIN).email()))
                        .contentType("message/rfc822")
                        .content(one))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.queryForObject("select count(*) from mail_inbound where message_id = ?", Integer.class, id))
                .isZero();

        String adminToken = tokens.issue(accountOf(data.member(Role.ADMIN).email()), "empty");
        mvc.perform(post("/api/v1/mail/import")
                        .header("Authorization", "Bearer " + adminToken)
                        .contentType("message/rfc822")
                        .content(new byte[0]))
                .andExpect(status().isUnprocessableEntity());
    }
}
