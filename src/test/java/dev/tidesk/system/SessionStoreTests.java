package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * Sessions are kept in PostgreSQL, not in the node's memory: another node (or this one after a
 * restart) finds a signed-in user by the session row, and without the row nobody is signed in.
 */
@Tag("database")
class SessionStoreTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSignedInSessionIsARowInTheDatabaseAndEndsWithIt() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        assertThat(sessionsOf(client.login())).isEqualTo(1);
        mvc.perform(get("/portal").session(session)).andExpect(status().isOk());

        // what a restart of every node does to in-memory sessions, done to the stored one
        jdbc.update("delete from spring_session where principal_name = ?", client.login());
        mvc.perform(get("/portal").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/portal/login"));
    }

    @Test
    void signingOutDeletesTheSession() throws Exception {
        Client client = data.client();
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(post("/portal/logout").session(session).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(sessionsOf(client.login())).isZero();
    }

    @Test
    void anAdminSettingAPasswordSignsOutWhoeverUsedTheOldOne() throws Exception {
        Client client = data.client();
        MockHttpSession contact = portalLogin(client.login());
        MockHttpSession admin =
                deskLogin(data.member(dev.tidesk.identity.Role.ADMIN).email());
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/contacts/"
                                + client.contact().id() + "/login")
                        .session(admin)
                        .with(csrf())
                        .param("password", "set-by-admin"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal").session(contact)).andExpect(redirectedUrl("/portal/login"));
        mvc.perform(get("/desk").session(admin)).andExpect(status().isOk());
    }

    private int sessionsOf(String login) {
        return jdbc.queryForObject(
                "select count(*) from spring_session where principal_name = ?", Integer.class, login);
    }
}
