package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/** The audit log: written by what people do, read and exported by admins only, never rewritten. */
@Tag("database")
class AuditLogTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void signInsTokensAndExportsAreRecordedAndTheAdminFiltersAndExportsThem() throws Exception {
        StaffView agent = data.agent();
        mvc.perform(formLogin("/desk/login").user(agent.email()).password("not-the-password"));
        MockHttpSession session = deskLogin(agent.email());
        mvc.perform(post("/desk/account/tokens").session(session).with(csrf()).param("name", "мониторинг"))
                .andExpect(status().is3xxRedirection());

        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        mvc.perform(get("/desk/admin/audit").param("q", agent.email()).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<td>Неудачный вход</td>")))
                .andExpect(content().string(containsString("<td>Выпущен API-токен</td>")))
                .andExpect(content().string(containsString("мониторинг")));
        mvc.perform(get("/desk/admin/audit")
                        .param("q", agent.email())
                        .param("action", "TOKEN_ISSUED")
                        .session(admin))
                .andExpect(content().string(not(containsString("<td>Неудачный вход</td>"))));

        byte[] csv = mvc.perform(get("/desk/admin/audit/export")
                        .param("q", agent.email())
                        .session(admin))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Вход;").contains(agent.email()).contains("Выпущен API-токен");
        assertThat(jdbc.queryForObject("select count(*) from audit_log where action = 'AUDIT_EXPORTED'", Long.class))
                .isPositive();
    }

    @Test
    void onlyAdminsReadTheLog() throws Exception {
        mvc.perform(get("/desk/admin/audit")
                        .session(deskLogin(data.member(Role.HEAD).email())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desk/admin/audit/export")
                        .session(deskLogin(data.agent().email())))
                .andExpect(status().isForbidden());
        TestData.Client client = data.client();
        mvc.perform(get("/desk/admin/audit").session(portalLogin(client.login())))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTableIsAppendOnly() {
        jdbc.update("insert into audit_log (actor, action, target) values ('test', 'SIGN_IN', 'append-only')");
        assertThatThrownBy(
                        () -> jdbc.update("update audit_log set actor = 'someone else' where target = 'append-only'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_log where target = 'append-only'"))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.execute("truncate audit_log")).hasMessageContaining("append-only");
    }

    @Test
    void aCellLookingLikeAFormulaIsKeptAsText() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        String evil = "=HYPERLINK(\"http://evil.example\")" + System.nanoTime() + "@x.example";
        mvc.perform(formLogin("/desk/login").user(evil).password("x"));
        String text = new String(
                mvc.perform(get("/desk/admin/audit/export").param("q", evil).session(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(text).contains("'=HYPERLINK").doesNotContain(";=HYPERLINK");
    }
}
