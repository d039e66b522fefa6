package dev.tidesk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** The "send me the monthly statement" flag: set by the contact on the account page, or by an admin. */
class StatementOptInWebTests extends WebTest {

    @Autowired
    Customers customers;

    @Test
    void aContactTurnsTheMonthlyStatementOnAndOffOnTheAccountPage() throws Exception {
        TestData.Client client = data.client();
        long id = client.contact().id();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal/account").session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Присылать мне отчёт за месяц по e-mail")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("checked"))));

        mvc.perform(post("/portal/account/statement").session(portal).param("monthlyStatement", "true"))
                .andExpect(status().isForbidden());
        assertThat(customers.contact(id).monthlyStatement()).isFalse();

        mvc.perform(post("/portal/account/statement")
                        .session(portal)
                        .with(csrf())
                        .param("monthlyStatement", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.contact(id).monthlyStatement()).isTrue();
        mvc.perform(get("/portal/account").session(portal))
                .andExpect(content().string(Matchers.containsString("checked")));

        mvc.perform(post("/portal/account/statement").session(portal).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.contact(id).monthlyStatement())
                .as("an unticked box sends nothing")
                .isFalse();
    }

    @Test
    void anAdminSetsTheFlagInTheClientDirectoryOnlyForThatOrganizationsContacts() throws Exception {
        TestData.Client client = data.client();
        TestData.Client other = data.client();
        long org = client.organization().id();
        long id = client.contact().id();
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());

        mvc.perform(post("/desk/admin/organizations/" + org + "/contacts/" + id + "/statement")
                        .session(admin)
                        .with(csrf())
                        .param("monthlyStatement", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(customers.contact(id).monthlyStatement()).isTrue();
        mvc.perform(get("/desk/admin/organizations/" + org).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Отключить")));

        mvc.perform(post("/desk/admin/organizations/" + org + "/contacts/"
                                + other.contact().id() + "/statement")
                        .session(admin)
                        .with(csrf())
                        .param("monthlyStatement", "true"))
                .andExpect(status().isNotFound());
        assertThat(customers.contact(other.contact().id()).monthlyStatement()).isFalse();

        mvc.perform(post("/desk/admin/organizations/" + org + "/contacts/" + id + "/statement")
                        .session(deskLogin(data.agent().email()))
                        .with(csrf())
                        .param("monthlyStatement", "false"))
                .andExpect(status().isForbidden());
        assertThat(customers.contact(id).monthlyStatement()).isTrue();

        mvc.perform(post("/desk/admin/organizations/" + org + "/contacts")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Новый Директор")
                        .param("email", "dir" + org + "@optin.example")
                        .param("monthlyStatement", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(customers
                        .contactByEmail("dir" + org + "@optin.example")
                        .orElseThrow()
                        .monthlyStatement())
                .isTrue();
    }
}
