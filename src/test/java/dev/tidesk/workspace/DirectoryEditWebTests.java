package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.DirectoryChange;
import dev.tidesk.customer.DirectoryEditor;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * Point 6 of issue 17: organizations, contacts and sites are edited, deactivated and reactivated,
 * each change in a history; heads and admins edit everything, support (agents, personal managers)
 * contacts and sites, specialists and contacts nothing.
 */
class DirectoryEditWebTests extends WebTest {

    @Autowired
    Customers customers;

    @Autowired
    DirectoryEditor editor;

    @Autowired
    StaffDirectory staff;

    @Autowired
    RequestDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAgentEditsAContactAndTheChangeIsInItsHistory() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession agent = deskLogin(data.agent().email());
        String page = "/desk/directory/contacts/" + client.contact().id();
        mvc.perform(post(page)
                        .session(agent)
                        .with(csrf())
                        .param("fullName", "Анна Сергеевна Клиентова")
                        .param("email", client.contact().email())
                        .param("extraEmails", "Anna.Home@Example.org, anna.home@example.org")
                        .param("phone", "+7 (916) 555-44-33")
                        .param("position", "Директор")
                        .param("language", "en")
                        .param("monthlyStatement", "true"))
                .andExpect(status().is3xxRedirection());

        ContactView after = customers.contact(client.contact().id());
        assertThat(after.fullName()).isEqualTo("Анна Сергеевна Клиентова");
        assertThat(after.phone()).isEqualTo("+7 (916) 555-44-33");
        assertThat(after.extraEmails()).isEqualTo("anna.home@example.org");
        assertThat(after.language()).isEqualTo("en");
        assertThat(after.monthlyStatement()).isTrue();
        assertThat(editor.historyOf(DirectoryChange.Subject.CONTACT, after.id()))
                .extracting(DirectoryChange::field)
                .contains("fullName", "phone", "extraEmails", "position", "language", "monthlyStatement");
        // the phone call finds the contact by the new number
        assertThat(customers.searchContacts("5554433", 5))
                .extracting(ContactView::id)
                .contains(after.id());

        String html = mvc.perform(get(page).session(agent))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("+7 (916) 555-44-33").contains("Анна Сергеевна Клиентова");
        assertThat(html).contains("directory-history");
    }

    @Test
    void aRefusedContactFormComesBackWithWhatWasTypedAndWhy() throws Exception {
        TestData.Client client = data.client();
        TestData.Client other = data.client();
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String page = "/desk/directory/contacts/" + client.contact().id();
        String html = mvc.perform(post(page)
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Новое Имя Набрано")
                        .param("email", other.contact().email())
                        .param("language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Новое Имя Набрано")
                .contains("form-errors")
                .contains(other.contact().email());
        assertThat(customers.contact(client.contact().id()).fullName())
                .isEqualTo(client.contact().fullName());

        html = mvc.perform(post(page)
                        .session(head)
                        .with(csrf())
                        .param("fullName", "")
                        .param("email", "not-an-address")
                        .param("language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("not-an-address").contains("ФИО");
    }

    @Test
    void aContactWhoseAddressChangesSignsInWithTheNewOne() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession agent = deskLogin(data.agent().email());
        MockHttpSession before = portalLogin(client.login());
        String newAddress = "new" + System.nanoTime() + "@client.example";
        mvc.perform(post("/desk/directory/contacts/" + client.contact().id())
                        .session(agent)
                        .with(csrf())
                        .param("fullName", client.contact().fullName())
                        .param("email", newAddress)
                        .param("language", "ru"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/portal").session(before)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(newAddress).password(TestData.PASSWORD))
                .andExpect(authenticated());
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());
    }

    @Test
    void aDeactivatedContactIsSignedOutCannotSignInAndIsMailedNothingButTheirHistoryStays() throws Exception {
        TestData.Client client = data.client();
        TicketView request = data.request(client, "Старое обращение", "Было до ухода");
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal").session(portal)).andExpect(status().isOk());
        MockHttpSession agent = deskLogin(data.agent().email());

        mvc.perform(post("/desk/directory/contacts/" + client.contact().id() + "/deactivate")
                        .session(agent)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(customers.contact(client.contact().id()).active()).isFalse();
        // the open session ends at once, and the password opens nothing
        mvc.perform(get("/portal").session(portal)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where action = 'LOGIN_DISABLED' and lower(target) = lower(?)",
                        Integer.class,
                        client.login()))
                .isEqualTo(1);
        // a reply on their old request is kept, but mailed to nobody
        desk.reply(request.id(), new Actor("Агент", null, null), "Ответ после ухода", java.util.List.of());
        data.settle();
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where ticket_id = ? and lower(recipient) = lower(?)"
                                + " and text_body like '%Ответ после ухода%'",
                        Integer.class, request.id(), client.login()))
                .isZero();
        // the address is a stranger's now; the request and its history stay
        assertThat(customers.contactByEmail(client.login())).isEmpty();
        assertThat(customers.deactivatedAddress(client.login())).isTrue();
        mvc.perform(get("/desk/requests/" + request.tid()).session(agent)).andExpect(status().isOk());
        assertThat(editor.historyOf(
                        DirectoryChange.Subject.CONTACT, client.contact().id()))
                .extracting(DirectoryChange::field, DirectoryChange::toValue)
                .contains(org.assertj.core.groups.Tuple.tuple("active", "false"));

        // reactivated: the same password signs in again
        mvc.perform(post("/desk/directory/contacts/" + client.contact().id() + "/reactivate")
                        .session(agent)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void aHeadEditsAndDeactivatesAnOrganizationWithItsContacts() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        long id = client.organization().id();
        String newName = "ООО Переименованный " + System.nanoTime();
        mvc.perform(post("/desk/admin/organizations/" + id + "/edit")
                        .session(head)
                        .with(csrf())
                        .param("name", newName)
                        .param("emailDomain", "renamed.example"))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.organization(id).name()).isEqualTo(newName);

        mvc.perform(post("/desk/admin/organizations/" + id + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.organization(id).active()).isFalse();
        assertThat(customers.contact(client.contact().id()).active()).isFalse();
        // a newcomer from its domain is no longer its contact
        assertThat(customers.organizationByEmailDomain("renamed.example")).isEmpty();
        mvc.perform(formLogin("/portal/login").user(client.login()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());

        String html = mvc.perform(
                        get("/desk/admin/organizations/" + id + "/edit").session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains(newName)
                .contains("renamed.example")
                .contains(client.contact().fullName());

        // a name taken by another client comes back with the typed input, 422
        TestData.Client other = data.client();
        mvc.perform(post("/desk/admin/organizations/" + id + "/edit")
                        .session(head)
                        .with(csrf())
                        .param("name", other.organization().name()))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(post("/desk/admin/organizations/" + id + "/reactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.organization(id).active()).isTrue();
        assertThat(customers.contact(client.contact().id()).active()).isFalse();
    }

    @Test
    void aDeactivatedSiteIsOfferedForNoNewRequest() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession agent = deskLogin(data.member(Role.MANAGER).email());
        String page = "/desk/directory/sites/" + client.site().id();
        mvc.perform(post(page)
                        .session(agent)
                        .with(csrf())
                        .param("liveUrl", "https://new-live.example")
                        .param("testUrl", "https://new-test.example")
                        .param("name", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.site(client.site().id()).orElseThrow().testUrl()).isEqualTo("https://new-test.example");
        assertThat(customers.site(client.site().id()).orElseThrow().name()).isEqualTo("new-live.example");
        mvc.perform(post(page).session(agent).with(csrf()).param("liveUrl", "ftp://nope"))
                .andExpect(status().isUnprocessableContent());

        mvc.perform(post(page + "/deactivate").session(agent).with(csrf())).andExpect(status().is3xxRedirection());
        MockHttpSession portal = portalLogin(client.login());
        String form = mvc.perform(get("/portal/requests/new").session(portal))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).doesNotContain("new-live.example");
        assertThat(editor.historyOf(DirectoryChange.Subject.SITE, client.site().id()))
                .extracting(DirectoryChange::field)
                .contains("liveUrl", "testUrl", "name", "active");
    }

    @Test
    void specialistsAndContactsReachNoneOfIt() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession specialist = deskLogin(staff.hire(
                        "Специалист " + System.nanoTime(),
                        "spec" + System.nanoTime() + "@tidesk.example",
                        Role.SPECIALIST,
                        Specialty.DEVELOPER,
                        TestData.PASSWORD)
                .email());
        MockHttpSession agent = deskLogin(data.agent().email());
        MockHttpSession portal = portalLogin(client.login());
        String contactPage = "/desk/directory/contacts/" + client.contact().id();
        mvc.perform(get(contactPage).session(specialist)).andExpect(status().isForbidden());
        mvc.perform(post(contactPage + "/deactivate").session(specialist).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/desk/directory/sites/" + client.site().id()).session(specialist))
                .andExpect(status().isForbidden());
        // organizations are the head's and the admin's
        mvc.perform(get("/desk/admin/organizations/" + client.organization().id() + "/edit")
                        .session(agent))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/admin/organizations/" + client.organization().id() + "/deactivate")
                        .session(agent)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // a client signed in to the portal is refused by the workspace
        mvc.perform(post(contactPage + "/deactivate").session(portal).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get(contactPage).session(portal)).andExpect(status().isForbidden());
        assertThat(customers.contact(client.contact().id()).active()).isTrue();
        assertThat(customers.organization(client.organization().id()).active()).isTrue();
    }
}
