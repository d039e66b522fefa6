package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * The account-takeover paths of issue 13, point 1, as an attacker with a head's or admin's login would
 * try them: read a colleague's reset link in the outbox, give a contact a colleague's address and set
 * "the contact's" password, make oneself or a friend an admin.
 */
class AccountTakeoverTests extends WebTest {

    static final Pattern TOKEN = Pattern.compile("/desk/password/reset\\?token=([A-Za-z0-9_-]{20,})");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Customers customers;

    @Autowired
    StaffDirectory staff;

    @Test
    void theOutboxShowsAResetLinkMaskedSoAHeadCannotUseAColleaguesLink() throws Exception {
        StaffView victim = data.member(Role.ADMIN);
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/password/forgot").with(csrf()).param("username", victim.email()))
                .andExpect(status().is3xxRedirection());
        long mailId =
                jdbc.queryForObject("select max(id) from mail_outbox where recipient = ?", Long.class, victim.email());
        String stored = jdbc.queryForObject("select text_body from mail_outbox where id = ?", String.class, mailId);
        Matcher m = TOKEN.matcher(stored);
        assertThat(m.find()).as("the mail itself carries the link").isTrue();
        String token = m.group(1);

        String page = mvc.perform(get("/desk/admin/outbox/" + mailId).session(head))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/desk/password/reset?token=••••")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain(token);
        mvc.perform(get("/desk/admin/outbox").session(head)).andExpect(content().string(not(containsString(token))));
    }

    @Test
    void aContactGivenAColleaguesAddressCannotHaveItsPasswordSetNorBeInvited() throws Exception {
        StaffView colleague = data.member(Role.ADMIN);
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        TestData.Client client = data.client();
        String org = "/desk/admin/organizations/" + client.organization().id();
        ContactView fake = customers.createContact(
                client.organization().id(),
                "Подставной контакт",
                colleague.email().toUpperCase(),
                null,
                "ru");

        mvc.perform(post(org + "/contacts/" + fake.id() + "/login")
                        .session(head)
                        .with(csrf())
                        .param("password", "taken-over-1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("уже служит логином")));
        mvc.perform(post(org + "/contacts/" + fake.id() + "/invite")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity());

        mvc.perform(formLogin("/desk/login").user(colleague.email()).password("taken-over-1"))
                .andExpect(unauthenticated());
        mvc.perform(formLogin("/desk/login").user(colleague.email()).password(TestData.PASSWORD))
                .andExpect(authenticated());
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where lower(recipient) = lower(?)",
                        Long.class,
                        colleague.email()))
                .isZero();
    }

    @Test
    void aContactsPasswordFormSetsThatContactsOwnLogin() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        TestData.Client client = data.client();
        String org = "/desk/admin/organizations/" + client.organization().id();
        mvc.perform(post(org + "/contacts/" + client.contact().id() + "/login")
                        .session(head)
                        .with(csrf())
                        .param("password", "new-portal-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(client.login()).password("new-portal-1"))
                .andExpect(authenticated());
    }

    @Test
    void aStaffAddressAlreadyAContactsLoginIsNotHiredAgain() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        TestData.Client client = data.client();
        mvc.perform(post("/desk/admin/staff")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Двойник")
                        .param("email", client.login())
                        .param("role", "AGENT")
                        .param("password", "staff-pass-1"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(staff.byEmail(client.login())).isEmpty();
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void onlyAnAdminGrantsOrRemovesTheAdminRoleAndEveryChangeIsAudited() throws Exception {
        StaffView headMember = data.member(Role.HEAD);
        MockHttpSession head = deskLogin(headMember.email());
        String email = "would-be-admin" + System.nanoTime() + "@tidesk.example";
        mvc.perform(post("/desk/admin/staff")
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Самозванец")
                        .param("email", email)
                        .param("role", "ADMIN")
                        .param("password", "staff-pass-1"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Роль администратора дает и снимает только администратор")));
        assertThat(staff.byEmail(email)).isEmpty();
        mvc.perform(get("/desk/admin/staff").session(head))
                .andExpect(content().string(not(containsString("<option value=\"ADMIN\""))));

        StaffView agent = data.agent();
        mvc.perform(post("/desk/admin/staff/" + agent.id() + "/role")
                        .session(head)
                        .with(csrf())
                        .param("role", "ADMIN"))
                .andExpect(status().isUnprocessableEntity());
        StaffView admin = data.member(Role.ADMIN);
        mvc.perform(post("/desk/admin/staff/" + admin.id() + "/role")
                        .session(head)
                        .with(csrf())
                        .param("role", "AGENT"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(staff.member(agent.id()).role()).isEqualTo(Role.AGENT);
        assertThat(staff.member(admin.id()).role()).isEqualTo(Role.ADMIN);

        // a head moves an agent to manager; an admin makes the agent an admin, and the agent's old session ends
        MockHttpSession agentSession = deskLogin(agent.email());
        mvc.perform(post("/desk/admin/staff/" + agent.id() + "/role")
                        .session(head)
                        .with(csrf())
                        .param("role", "MANAGER"))
                .andExpect(status().is3xxRedirection());
        StaffView adminMember = data.member(Role.ADMIN);
        MockHttpSession realAdmin = deskLogin(adminMember.email());
        mvc.perform(post("/desk/admin/staff/" + agent.id() + "/role")
                        .session(realAdmin)
                        .with(csrf())
                        .param("role", "ADMIN"))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.member(agent.id()).role()).isEqualTo(Role.ADMIN);
        mvc.perform(get("/desk").session(agentSession)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/admin/staff").session(deskLogin(agent.email()))).andExpect(status().isOk());

        assertThat(jdbc.queryForList(
                        "select action || ' ' || detail || ' by ' || actor from audit_log where target = ? and action like 'ROLE%' order by id",
                        String.class, agent.email()))
                .containsExactly(
                        "ROLE_GRANTED AGENT by system",
                        "ROLE_CHANGED AGENT -> MANAGER by " + headMember.email(),
                        "ROLE_CHANGED MANAGER -> ADMIN by " + adminMember.email());
    }

    @Test
    void aContactRoleForStaffIsRefusedInWordsNotAnError() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        mvc.perform(post("/desk/admin/staff")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Клиент")
                        .param("email", "contact-role" + System.nanoTime() + "@tidesk.example")
                        .param("role", "CONTACT"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Выберите одну из ролей сотрудников")));
    }
}
