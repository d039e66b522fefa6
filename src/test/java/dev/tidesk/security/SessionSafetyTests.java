package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import dev.tidesk.team.StaffView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 13, points 4 and 5: changing one's own password signs out one's other sessions, and an API
 * token works on {@code /api} only, never opening a session or being kept in one.
 */
class SessionSafetyTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApiTokens tokens;

    @Test
    void changingOnesOwnPasswordSignsOutTheOtherSessionsAndKeepsThisOne() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession here = portalLogin(client.login());
        MockHttpSession elsewhere = portalLogin(client.login());
        mvc.perform(get("/portal").session(elsewhere)).andExpect(status().isOk());

        mvc.perform(post("/portal/account/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "brand-new-pass-2"))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/portal").session(here)).andExpect(status().isOk());
        mvc.perform(get("/portal").session(elsewhere)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(client.login()).password("brand-new-pass-2"))
                .andExpect(authenticated());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where action = 'PASSWORD_CHANGED' and target = ?",
                        Long.class,
                        client.login()))
                .isEqualTo(1);
    }

    @Test
    void aStaffPasswordChangeDoesTheSame() throws Exception {
        StaffView agent = data.agent();
        MockHttpSession here = deskLogin(agent.email());
        MockHttpSession elsewhere = deskLogin(agent.email());
        mvc.perform(post("/desk/account/password")
                        .session(here)
                        .with(csrf())
                        .param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "brand-new-pass-3"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk").session(here)).andExpect(status().isOk());
        mvc.perform(get("/desk").session(elsewhere)).andExpect(status().is3xxRedirection());
    }

    @Test
    void aBearerTokenOpensNoPageAndNoSessionAndIsKeptNowhere() throws Exception {
        StaffView agent = data.agent();
        String token = tokens.issue(accountOf(agent.email()), "monitoring");
        long before = sessions();
        for (String page : new String[] {"/desk", "/desk/admin/outbox", "/portal", "/desk/account"}) {
            MvcResult result = mvc.perform(get(page).header("Authorization", "Bearer " + token))
                    .andExpect(status().is3xxRedirection())
                    .andReturn();
            assertThat(result.getResponse().getCookie("SESSION")).as(page).isNull();
            assertThat(result.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
        }
        MvcResult api = mvc.perform(get("/api/v1/requests/TID-0").header("Authorization", "Bearer " + token))
                .andExpect(status().isNotFound())
                .andReturn();
        assertThat(api.getResponse().getCookie("SESSION")).isNull();
        assertThat(sessions()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select count(*) from spring_session_attributes where position(? in "
                                + "encode(attribute_bytes, 'escape')) > 0",
                        Long.class,
                        token))
                .isZero();
    }

    private long sessions() {
        return jdbc.queryForObject("select count(*) from spring_session", Long.class);
    }
}
