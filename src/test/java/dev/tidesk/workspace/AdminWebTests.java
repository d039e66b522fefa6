package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** A head sets up a new client from scratch: organization, contact with a portal login, site; and a colleague. */
class AdminWebTests extends WebTest {

    @Autowired
    Customers customers;

    @Autowired
    StaffDirectory staff;

    @Test
    void aHeadAddsAClientWhoseContactCanThenSignInToThePortal() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String name = "ООО Новый клиент " + System.nanoTime();
        String location = mvc.perform(post("/desk/admin/organizations")
                        .session(head)
                        .with(csrf())
                        .param("name", name)
                        .param("emailDomain", "novy.example"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        OrganizationView org = customers.organizations().stream()
                .filter(o -> o.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(location).isEqualTo("/desk/admin/organizations/" + org.id());

        String email = "boss" + System.nanoTime() + "@novy.example";
        mvc.perform(post(location + "/contacts")
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Игорь Новиков")
                        .param("email", email)
                        .param("language", "ru")
                        .param("password", "portal-pass-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/sites")
                        .session(head)
                        .with(csrf())
                        .param("liveUrl", "https://novy.example")
                        .param("testUrl", "https://test.novy.example"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(location).session(head)).andExpect(status().isOk());

        assertThat(customers.contactsOf(org.id())).extracting(c -> c.email()).containsExactly(email);
        assertThat(customers.sitesOf(org.id()))
                .extracting(s -> s.testUrl())
                .containsExactly("https://test.novy.example");
        mvc.perform(formLogin("/portal/login").user(email).password("portal-pass-1"))
                .andExpect(authenticated());
    }

    @Test
    void badInputComesBackAsAMessageAndStoresNothing() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.ADMIN).email());
        var client = data.client();
        String page = "http://localhost/desk/admin/organizations/"
                + client.organization().id();
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/contacts")
                        .session(head)
                        .with(csrf())
                        .header("Referer", page)
                        .param("fullName", "Дубль")
                        .param("email", client.contact().email()))
                .andExpect(status().isSeeOther())
                .andExpect(flash().attribute(
                                "error", "Контакт с e-mail " + client.contact().email() + " уже есть."));
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/sites")
                        .session(head)
                        .with(csrf())
                        .header("Referer", page)
                        .param("liveUrl", "javascript:alert(1)"))
                .andExpect(flash().attribute("error", "Адрес сайта начинается с http:// или https://."));
        assertThat(customers.contactsOf(client.organization().id())).hasSize(1);
        assertThat(customers.sitesOf(client.organization().id())).hasSize(1);
    }

    @Test
    void aContactWhoseLoginCannotBeOpenedIsNotAddedHalfway() throws Exception {
        MockHttpSession head =
                deskLogin(data.member(dev.tidesk.identity.Role.HEAD).email());
        var client = data.client();
        String page = "http://localhost/desk/admin/organizations/"
                + client.organization().id();
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/contacts")
                        .session(head)
                        .with(csrf())
                        .header("Referer", page)
                        .param("fullName", "Слабый Пароль")
                        .param("email", "weak" + System.nanoTime() + "@client.example")
                        .param("password", "123")
                        .param("monthlyStatement", "true"))
                .andExpect(status().isSeeOther());
        assertThat(customers.contactsOf(client.organization().id()))
                .as("no contact without its login")
                .hasSize(1);
    }

    @Test
    void aHeadAddsASpecialistAndAgentsCannotAdminister() throws Exception {
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String email = "dev" + System.nanoTime() + "@tidesk.example";
        mvc.perform(post("/desk/admin/staff")
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Павел Кодов")
                        .param("email", email)
                        .param("role", "SPECIALIST")
                        .param("specialty", "DEVELOPER")
                        .param("password", "staff-pass-1"))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.byEmail(email))
                .hasValueSatisfying(s -> assertThat(s.specialty()).hasToString("DEVELOPER"));

        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(get("/desk/admin/organizations").session(agent)).andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/staff")
                        .session(agent)
                        .with(csrf())
                        .param("fullName", "x")
                        .param("email", "x@x.example")
                        .param("role", "ADMIN")
                        .param("password", "12345678"))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyoneChangesTheirOwnPasswordKnowingTheCurrentOne() throws Exception {
        var client = data.client();
        MockHttpSession session = portalLogin(client.login());
        mvc.perform(post("/portal/account/password")
                        .session(session)
                        .with(csrf())
                        .header("Referer", "http://localhost/portal/account")
                        .param("currentPassword", "wrong")
                        .param("newPassword", "another-pass-1"))
                .andExpect(flash().attribute("error", "Текущий пароль неверен."));
        mvc.perform(post("/portal/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", dev.tidesk.TestData.PASSWORD)
                        .param("newPassword", "another-pass-1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(client.login()).password("another-pass-1"))
                .andExpect(authenticated());
        mvc.perform(formLogin("/portal/login").user(client.login()).password(dev.tidesk.TestData.PASSWORD))
                .andExpect(unauthenticated());
        mvc.perform(get("/desk/account").session(session)).andExpect(status().isForbidden());
    }
}
