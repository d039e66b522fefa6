package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The organization picker through HTTP: the filters offer the organizations whose name holds what was
 * typed, a few at a time, instead of a select of every client; what was typed is text, never a
 * pattern.
 */
class OrganizationPickerWebTests extends WebTest {

    private static final Pattern PICK = Pattern.compile("class=\"org-pick\" data-id=\"(\\d+)\">([^<]*)<");

    @Autowired
    Customers customers;

    @Test
    void theChoicesAreTheOrganizationsNamedLikeTheTextAFewAtATime() throws Exception {
        String token = "Пикер" + System.nanoTime();
        List<OrganizationView> many = new ArrayList<>();
        for (int i = 0; i < OrganizationPickerController.CHOICES + 2; i++) {
            many.add(customers.createOrganization(
                    "ООО " + token + " " + (char) ('А' + i), "p" + i + token.hashCode() + ".example"));
        }
        OrganizationView other = customers.createOrganization("ИП Другой " + System.nanoTime(), null);
        MockHttpSession agent = deskLogin(data.agent().email());

        String page = choices(agent, token.toLowerCase());
        List<String> names = names(page);
        assertThat(names)
                .hasSize(OrganizationPickerController.CHOICES)
                .allMatch(n -> n.contains(token))
                .isSorted()
                .doesNotContain(other.name());
        assertThat(page).contains("org-picker-more");

        assertThat(names(choices(agent, token + " В")))
                .containsExactly(many.get(2).name());
        assertThat(choices(agent, token + " Щ")).contains("org-picker-none").doesNotContain("org-pick\"");
    }

    @Test
    void wildcardsInTheTextAreLettersNotPatterns() throws Exception {
        String token = "Проц" + System.nanoTime();
        OrganizationView percent = customers.createOrganization("Скидка 50% " + token, null);
        OrganizationView plain = customers.createOrganization("Скидка 500 " + token, null);
        MockHttpSession agent = deskLogin(data.agent().email());

        assertThat(names(choices(agent, "50% " + token))).containsExactly(percent.name());
        assertThat(names(choices(agent, "5_0 " + token))).isEmpty();
        assertThat(names(choices(agent, token))).containsExactlyInAnyOrder(percent.name(), plain.name());
    }

    @Test
    void aFilteredListNamesItsClientWithoutListingEveryOrganization() throws Exception {
        var client = data.client();
        var other = data.client();
        MockHttpSession agent = deskLogin(data.agent().email());

        String page = mvc.perform(get("/desk/requests")
                        .param("client", String.valueOf(client.organization().id()))
                        .session(agent))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("name=\"client\" value=\"" + client.organization().id() + "\"")
                .contains("value=\"" + client.organization().name() + "\"")
                .doesNotContain(other.organization().name());
        String report = mvc.perform(get("/desk/reports/volume")
                        .session(deskLogin(
                                data.member(dev.tidesk.identity.Role.HEAD).email())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(report)
                .contains("class=\"org-picker\"")
                .doesNotContain(other.organization().name());
    }

    private String choices(MockHttpSession session, String text) throws Exception {
        return mvc.perform(get("/desk/organizations/choices")
                        .param("org-text", text)
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static List<String> names(String html) {
        List<String> names = new ArrayList<>();
        Matcher m = PICK.matcher(html);
        while (m.find()) {
            names.add(org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(2)));
        }
        return names;
    }
}
