package dev.tidesk.canned;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Canned replies through HTTP: keeping them, who may use and change which, filling them with a
 * request's values, and the signature under replies to clients.
 */
class CannedReplyWebTests extends WebTest {

    private static final Pattern FILL = Pattern.compile("data-fill=\"(/desk/requests/[^\"]+)\"");

    @Autowired
    RequestQueries queries;

    @Test
    void anAgentsReplyIsFilledWithTheRequestsValuesAndIsTheirsAlone() throws Exception {
        Client client = data.client();
        new ContractFixtures(context).sign(client, PlanCode.ECONOMY, 1);
        StaffView agent = data.agent();
        StaffView other = data.agent();
        TicketView ticket = data.request(client, "Обновить баннер", "Нужен новый баннер.");
        MockHttpSession session = deskLogin(agent.email());

        mvc.perform(post("/desk/replies")
                        .param("title", "Приветствие")
                        .param("language", "ru")
                        .param(
                                "body",
                                "{{client_first_name}}, добрый день! Обращение {{tid}}, план «{{plan}}», "
                                        + "осталось {{hours_left}}. {{agent_name}}. {{portal_link}}")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/replies"));

        String picker = mvc.perform(get("/desk/requests/" + ticket.tid() + "/replies")
                        .param("q", "привет")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Приветствие")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher fill = FILL.matcher(picker);
        assertThat(fill.find()).isTrue();

        String filled = mvc.perform(get(fill.group(1)).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(filled)
                .startsWith(client.contact().fullName().split(" ")[0] + ", добрый день!")
                .contains(ticket.tid())
                .contains("план «Эконом»")
                .contains("осталось 10 ч.")
                .contains(agent.fullName())
                .contains("/portal/requests/" + ticket.tid())
                .doesNotContain("{{");

        // a colleague neither finds nor fills it
        MockHttpSession theirs = deskLogin(other.email());
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/replies")
                        .param("q", "привет")
                        .session(theirs))
                .andExpect(content().string(not(containsString("Приветствие"))));
        mvc.perform(get(fill.group(1)).session(theirs)).andExpect(status().isNotFound());
    }

    @Test
    void theHoursLeftAreThoseOfThisMonthNeverBelowZeroAndAOneOffClientHasNoPlan() throws Exception {
        Client client = data.client();
        ContractFixtures fixtures = new ContractFixtures(context);
        fixtures.sign(client, PlanCode.ECONOMY, 2);
        StaffView agent = data.agent();
        TicketView ticket = fixtures.request(data, client, "Правки каталога", 2);
        fixtures.log(ticket, agent, 1, 2); // last month's hours do not count against this month's
        fixtures.log(ticket, agent, 0, 3);
        MockHttpSession session = deskLogin(agent.email());
        String fill = fillLink(session, ticket, "План {{plan}}: осталось {{hours_left}}.");
        assertThat(filled(session, fill)).isEqualTo("План Эконом: осталось 7 ч.");

        fixtures.log(ticket, agent, 0, 9);
        assertThat(filled(session, fill)).isEqualTo("План Эконом: осталось 0 ч.");

        TicketView oneOff = data.request(data.client(), "Разовая правка", "Текст.");
        String oneOffFill = fill.replace(ticket.tid(), oneOff.tid());
        assertThat(filled(session, oneOffFill)).isEqualTo("План : осталось .");
    }

    private String fillLink(MockHttpSession session, TicketView ticket, String body) throws Exception {
        String title = "Остаток " + System.nanoTime();
        mvc.perform(post("/desk/replies")
                        .param("title", title)
                        .param("language", "ru")
                        .param("body", body)
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/replies"));
        String picker = mvc.perform(get("/desk/requests/" + ticket.tid() + "/replies")
                        .param("q", "остаток")
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher fill = FILL.matcher(picker);
        assertThat(fill.find()).as("the reply in the picker: %s", picker).isTrue();
        return fill.group(1);
    }

    private String filled(MockHttpSession session, String fill) throws Exception {
        return mvc.perform(get(fill).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void sharedRepliesAreKeptByTheHeadAndUsedByEveryone() throws Exception {
        Client client = data.client();
        TicketView ticket = data.request(client, "Вопрос", "Текст.");
        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(post("/desk/replies")
                        .param("title", "Общий")
                        .param("language", "ru")
                        .param("body", "Текст")
                        .param("shared", "true")
                        .session(agent)
                        .with(csrf()))
                .andExpect(status().isForbidden());

        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/replies")
                        .param("title", "Закрываем обращение")
                        .param("language", "ru")
                        .param("body", "Обращение {{tid}} решено.")
                        .param("shared", "true")
                        .session(head)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/replies"));
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/replies")
                        .param("q", "закрываем")
                        .session(agent))
                .andExpect(content().string(containsString("Закрываем обращение")));
        // an agent can't change a shared one
        long id = replyId(agent, "Закрываем обращение");
        mvc.perform(post("/desk/replies/" + id + "/delete").session(agent).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void anIncompleteReplyComesBackWithWhatWasTypedAndWhy() throws Exception {
        MockHttpSession session = deskLogin(data.agent().email());
        mvc.perform(post("/desk/replies")
                        .param("title", "")
                        .param("language", "ru")
                        .param("body", "Черновик текста шаблона")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Название")))
                .andExpect(content().string(containsString("Черновик текста шаблона")));
    }

    @Test
    void repliesToTheClientEndWithTheSignatureNotesDoNot() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Вопрос по оплате", "Текст.");
        MockHttpSession session = deskLogin(agent.email());
        mvc.perform(post("/desk/replies/signature")
                        .param("signature", "С уважением, служба поддержки")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/replies"));
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(session))
                .andExpect(content().string(containsString("id=\"reply-signature\"")));

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .param("kind", "reply")
                        .param("body", "Счёт отправили на почту.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .param("kind", "note")
                        .param("body", "Проверить оплату завтра.")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<MessageView> messages = queries.messages(ticket.id(), true);
        assertThat(messages.get(messages.size() - 2).body())
                .isEqualTo("Счёт отправили на почту.\n\n-- \nС уважением, служба поддержки");
        assertThat(messages.get(messages.size() - 1).body()).isEqualTo("Проверить оплату завтра.");
    }

    private long replyId(MockHttpSession session, String title) throws Exception {
        String page = mvc.perform(get("/desk/replies").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("id=\"canned-(\\d+)\">\\s*<td><strong>" + Pattern.quote(title))
                .matcher(page);
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
