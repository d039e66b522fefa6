package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Accounts;
import dev.tidesk.ticket.CcEntry;
import dev.tidesk.ticket.CcList;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The CC list through HTTP: an agent copies a colleague of the client or any address on the request
 * page and takes a suggestion with one click; the contact who wrote the request copies colleagues in
 * the portal, nobody else does, and nobody copies another organization's contact as a colleague.
 */
class CcWebTests extends WebTest {

    @Autowired
    CcList copies;

    @Autowired
    Customers customers;

    @Autowired
    Accounts accounts;

    @Autowired
    RequestQueries queries;

    ContactView colleagueOf(Client client, String name) {
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        return customers.createContact(
                client.organization().id(), name, "kollega" + System.nanoTime() + "@" + domain, null, "ru");
    }

    String page(TicketView t, String area) {
        return "http://localhost/" + area + "/requests/" + t.tid();
    }

    @Test
    void anAgentCopiesAColleagueAndAnyAddressAndTheHistorySaysWho() throws Exception {
        Client client = data.client();
        Client another = data.client();
        ContactView colleague = colleagueOf(client, "Пётр Коллегов");
        TicketView t = data.request(client, "Копия для бухгалтерии", "Нужен акт");
        MockHttpSession agent = deskLogin(data.agent().email());

        // the colleague is offered in the list; the requester and another organization's contacts are not
        String page = mvc.perform(get("/desk/requests/" + t.tid()).session(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"cc-none\"")))
                .andExpect(content().string(not(containsString(another.login()))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        // the colleague list (other selects on the page carry staff ids that may coincide)
        String offered = page.substring(page.indexOf("id=\"cc-contact\""));
        offered = offered.substring(0, offered.indexOf("</select>"));
        org.assertj.core.api.Assertions.assertThat(offered)
                .contains("value=\"" + colleague.id() + "\"")
                .doesNotContain("value=\"" + client.contact().id() + "\"");

        mvc.perform(post("/desk/requests/" + t.tid() + "/cc")
                        .param("contactId", String.valueOf(colleague.id()))
                        .session(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + t.tid() + "#cc"));
        String partner = "Partner" + System.nanoTime() + "@Agency.example";
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc")
                        .param("address", partner)
                        .session(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + t.tid() + "#cc"));
        assertThat(copies.of(t.id()))
                .extracting(CcEntry::address)
                .containsExactly(colleague.email(), partner.toLowerCase());

        // another organization's contact is no colleague; a broken address comes back as typed with the reason
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc")
                        .param("contactId", String.valueOf(another.contact().id()))
                        .header("Referer", page(t, "desk"))
                        .session(agent)
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("организации клиента")));
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc")
                        .param("address", "not an address")
                        .header("Referer", page(t, "desk"))
                        .session(agent)
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("Адрес")))
                .andExpect(flash().attribute("draft", java.util.Map.of("address", "not an address")));
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc")
                        .param("address", client.login())
                        .header("Referer", page(t, "desk"))
                        .session(agent)
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("автор обращения")));
        assertThat(copies.of(t.id())).hasSize(2);

        mvc.perform(post("/desk/requests/" + t.tid() + "/cc/remove")
                        .param("address", colleague.email())
                        .session(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + t.tid() + "#cc"));
        mvc.perform(get("/desk/requests/" + t.tid()).session(agent))
                .andExpect(content().string(containsString("class=\"cc-entry\"")))
                .andExpect(content().string(containsString(partner.toLowerCase())))
                .andExpect(content().string(containsString("копия (CC): добавлен адрес")))
                .andExpect(content().string(containsString("копия (CC): убран адрес")));
        assertThat(copies.of(t.id())).extracting(CcEntry::address).containsExactly(partner.toLowerCase());
    }

    @Test
    void aSuggestionIsTakenWithOneClickOrDismissed() throws Exception {
        Client client = data.client();
        ContactView colleague = colleagueOf(client, "Ольга Предложенная");
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        String newcomer = "novaya" + System.nanoTime() + "@" + domain;
        TicketView t = data.request(client, "Предложения копии", "Текст");
        copies.suggest(t.id(), colleague.email(), colleague.id(), Instant.now());
        copies.suggest(t.id(), newcomer, null, Instant.now());
        MockHttpSession agent = deskLogin(data.agent().email());

        mvc.perform(get("/desk/requests/" + t.tid()).session(agent))
                .andExpect(content().string(containsString("id=\"cc-suggestions\"")))
                .andExpect(content().string(containsString("Ольга Предложенная &lt;" + colleague.email() + "&gt;")))
                .andExpect(content().string(containsString(newcomer)));
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc/suggestions/accept")
                        .param("address", colleague.email())
                        .session(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + t.tid() + "#cc"));
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc/suggestions/dismiss")
                        .param("address", newcomer)
                        .session(agent)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + t.tid() + "#cc"));
        assertThat(copies.of(t.id())).extracting(CcEntry::contactId).containsExactly(colleague.id());
        mvc.perform(get("/desk/requests/" + t.tid()).session(agent))
                .andExpect(content().string(not(containsString("id=\"cc-suggestions\""))));
        // only a suggestion can be accepted this way
        mvc.perform(post("/desk/requests/" + t.tid() + "/cc/suggestions/accept")
                        .param("address", "someone@elsewhere.example")
                        .header("Referer", page(t, "desk"))
                        .session(agent)
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
        assertThat(copies.of(t.id())).hasSize(1);
    }

    @Test
    void theRequesterCopiesColleaguesInThePortalAndNobodyElseDoes() throws Exception {
        Client client = data.client();
        Client another = data.client();
        ContactView colleague = colleagueOf(client, "Игорь Коллегов");
        accounts.createContactAccount(
                colleague.email(),
                colleague.fullName(),
                colleague.id(),
                client.organization().id(),
                TestData.PASSWORD,
                "ru");
        TicketView t = data.request(client, "Портал: копия", "Текст");
        MockHttpSession requester = portalLogin(client.login());

        mvc.perform(get("/portal/requests/" + t.tid()).session(requester))
                .andExpect(content().string(containsString("id=\"cc-colleague-form\"")))
                .andExpect(content().string(containsString("value=\"" + colleague.id() + "\"")));
        mvc.perform(post("/portal/requests/" + t.tid() + "/cc")
                        .param("contactId", String.valueOf(colleague.id()))
                        .session(requester)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/requests/" + t.tid() + "#cc"));
        assertThat(copies.of(t.id())).extracting(CcEntry::contactId).containsExactly(colleague.id());
        mvc.perform(get("/portal/requests/" + t.tid()).session(requester))
                .andExpect(content().string(containsString("Игорь Коллегов &lt;" + colleague.email() + "&gt;")))
                .andExpect(content().string(containsString("В копию добавлен адрес")));

        // another organization's contact is refused as a colleague
        mvc.perform(post("/portal/requests/" + t.tid() + "/cc")
                        .param("contactId", String.valueOf(another.contact().id()))
                        .header("Referer", page(t, "portal"))
                        .session(requester)
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
        // the colleague sees who is copied but changes nothing: it is not their request
        MockHttpSession colleagueSession = portalLogin(colleague.email());
        mvc.perform(get("/portal/requests/" + t.tid()).session(colleagueSession))
                .andExpect(content().string(containsString("id=\"cc-list\"")))
                .andExpect(content().string(not(containsString("cc-remove"))));
        mvc.perform(post("/portal/requests/" + t.tid() + "/cc/remove")
                        .param("address", colleague.email())
                        .header("Referer", page(t, "portal"))
                        .session(colleagueSession)
                        .with(csrf()))
                .andExpect(flash().attribute("error", containsString("автор обращения")));
        // another organization does not even find the request
        mvc.perform(post("/portal/requests/" + t.tid() + "/cc/remove")
                        .param("address", colleague.email())
                        .session(portalLogin(another.login()))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(copies.of(t.id())).hasSize(1);

        mvc.perform(post("/portal/requests/" + t.tid() + "/cc/remove")
                        .param("address", colleague.email())
                        .session(requester)
                        .with(csrf()))
                .andExpect(redirectedUrl("/portal/requests/" + t.tid() + "#cc"));
        assertThat(copies.of(t.id())).isEmpty();
    }
}
