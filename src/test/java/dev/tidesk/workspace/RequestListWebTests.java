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

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The request list through HTTP: each filter narrows it, closed requests are in it, columns sort it,
 * a filter is kept as a personal or shared list with its count, and bulk changes ask first and then
 * change each request with its own history.
 */
@Tag("database")
class RequestListWebTests extends WebTest {

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries queries;

    @Autowired
    TestClock clock;

    @Test
    void filtersNarrowTheListClosedRequestsIncluded() throws Exception {
        Client client = data.client();
        Client other = data.client();
        new ContractFixtures(context).sign(client, PlanCode.PREMIUM, 1);
        StaffView agent = data.agent();
        TicketView open = data.request(client, "Слетела вёрстка каталога", "Текст.");
        TicketView closed = data.request(client, "Обновить логотип", "Текст.");
        desk.changeStatus(closed.id(), Status.CLOSED, Actor.system());
        TicketView elsewhere = data.request(other, "Слетела вёрстка корзины", "Текст.");
        desk.assign(elsewhere.id(), agent.id(), agent.fullName(), Actor.system());
        MockHttpSession session = deskLogin(agent.email());
        String org = String.valueOf(client.organization().id());

        mvc.perform(get("/desk/requests")
                        .param("client", org)
                        .param("status", "CLOSED")
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("r-" + closed.tid())))
                .andExpect(content().string(not(containsString("r-" + open.tid()))));
        mvc.perform(get("/desk/requests").param("client", org).session(session))
                .andExpect(content().string(containsString("r-" + closed.tid())))
                .andExpect(content().string(containsString("r-" + open.tid())))
                .andExpect(content().string(not(containsString("r-" + elsewhere.tid()))));
        mvc.perform(get("/desk/requests")
                        .param("q", "вёрстка")
                        .param("assignee", String.valueOf(agent.id()))
                        .session(session))
                .andExpect(content().string(containsString("r-" + elsewhere.tid())))
                .andExpect(content().string(not(containsString("r-" + open.tid()))));
        mvc.perform(get("/desk/requests")
                        .param("plan", "PREMIUM")
                        .param("q", "вёрстка")
                        .session(session))
                .andExpect(content().string(containsString("r-" + open.tid())))
                .andExpect(content().string(not(containsString("r-" + elsewhere.tid()))));
        mvc.perform(get("/desk/requests")
                        .param("client", org)
                        .param("assignee", "none")
                        .param("channel", "PHONE")
                        .session(session))
                .andExpect(content().string(containsString("id=\"list-empty\"")));

        // a Premium request left unanswered past its first-response time is breached; the other client's isn't
        clock.advance(Duration.ofDays(5));
        mvc.perform(get("/desk/requests")
                        .param("sla", "BREACHED")
                        .param("client", org)
                        .session(session))
                .andExpect(content().string(containsString("r-" + open.tid())))
                .andExpect(content().string(not(containsString("r-" + closed.tid()))));
    }

    @Test
    void columnsSortTheList() throws Exception {
        Client client = data.client();
        TicketView b = data.request(client, "Бета", "Текст.");
        TicketView a = data.request(client, "Альфа", "Текст.");
        TicketView c = data.request(client, "Гамма", "Текст.");
        MockHttpSession session = deskLogin(data.agent().email());
        String page = mvc.perform(get("/desk/requests")
                        .param("client", String.valueOf(client.organization().id()))
                        .param("sort", "SUBJECT")
                        .param("dir", "asc")
                        .session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.indexOf("r-" + a.tid())).isLessThan(page.indexOf("r-" + b.tid()));
        assertThat(page.indexOf("r-" + b.tid())).isLessThan(page.indexOf("r-" + c.tid()));
    }

    @Test
    void aFilterIsKeptAsAListWithItsCountPersonalOrShared() throws Exception {
        Client client = data.client();
        data.request(client, "Первое", "Текст.");
        data.request(client, "Второе", "Текст.");
        StaffView agent = data.agent();
        MockHttpSession mine = deskLogin(agent.email());
        String query = "client=" + client.organization().id();
        mvc.perform(post("/desk/requests/views")
                        .param("name", "Мой клиент")
                        .param("query", query)
                        .session(mine)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests?" + query));
        String page = mvc.perform(get("/desk/requests").session(mine))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher saved = Pattern.compile("id=\"saved-view-(\\d+)\"[^>]*>\\s*<a href=\"/desk/requests\\?"
                        + Pattern.quote(query) + "\">\\s*<span>Мой клиент</span>[\\s\\S]*?navcount muted-count\">2<")
                .matcher(page);
        assertThat(saved.find()).as("the saved list with its count of 2").isTrue();

        MockHttpSession theirs = deskLogin(data.agent().email());
        mvc.perform(get("/desk/requests").session(theirs))
                .andExpect(content().string(not(containsString("Мой клиент"))));
        mvc.perform(post("/desk/requests/views")
                        .param("name", "Общий")
                        .param("query", query)
                        .param("shared", "true")
                        .session(theirs)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/requests/views")
                        .param("name", "Клиент для всех")
                        .param("query", query)
                        .param("shared", "true")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/requests").session(theirs))
                .andExpect(content().string(containsString("Клиент для всех")));
        mvc.perform(post("/desk/requests/views/" + saved.group(1) + "/delete")
                        .session(theirs)
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void bulkChangesAskFirstThenChangeEachRequestWithItsHistory() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        TicketView one = data.request(client, "Раз", "Текст.");
        TicketView two = data.request(client, "Два", "Текст.");
        TicketView three = data.request(client, "Три", "Текст.");
        MockHttpSession session = deskLogin(agent.email());

        mvc.perform(post("/desk/requests/bulk")
                        .param("ids", String.valueOf(one.id()), String.valueOf(two.id()), String.valueOf(three.id()))
                        .param("action", "ASSIGN")
                        .param("staffId", String.valueOf(colleague.id()))
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("(3)")))
                .andExpect(content().string(containsString(colleague.fullName())));
        assertThat(queries.ticket(one.id()).assigneeId())
                .as("nothing changes before the confirmation")
                .isNull();

        mvc.perform(post("/desk/requests/bulk")
                        .param("ids", String.valueOf(one.id()), String.valueOf(two.id()), String.valueOf(three.id()))
                        .param("action", "ASSIGN")
                        .param("staffId", String.valueOf(colleague.id()))
                        .param("confirmed", "true")
                        .param("back", "client=" + client.organization().id())
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl(
                        "/desk/requests?client=" + client.organization().id()));
        for (TicketView t : new TicketView[] {one, two, three}) {
            assertThat(queries.ticket(t.id()).assigneeId()).isEqualTo(colleague.id());
            assertThat(queries.history(t.id()))
                    .anyMatch(h -> h.field().equals("assignee")
                            && colleague.fullName().equals(h.toValue())
                            && agent.fullName().equals(h.actor()));
        }

        // a request that can't take the status from its own is counted and named, not forced
        desk.changeStatus(two.id(), Status.DEFERRED, Actor.system());
        mvc.perform(post("/desk/requests/bulk")
                        .param("ids", String.valueOf(one.id()), String.valueOf(two.id()))
                        .param("action", "STATUS")
                        .param("status", "RESOLVED")
                        .param("confirmed", "true")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
        assertThat(queries.ticket(one.id()).status()).isEqualTo(Status.RESOLVED);
        assertThat(queries.ticket(two.id()).status()).isEqualTo(Status.DEFERRED);
        mvc.perform(post("/desk/requests/bulk")
                        .param("ids", String.valueOf(one.id()), String.valueOf(two.id()))
                        .param("action", "CLOSE")
                        .param("confirmed", "true")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("flash"));
        assertThat(queries.ticket(two.id()).status()).isEqualTo(Status.CLOSED);

        // nothing chosen: said so, nothing changes
        mvc.perform(post("/desk/requests/bulk")
                        .param("action", "CLOSE")
                        .param("confirmed", "true")
                        .session(session)
                        .with(csrf()))
                .andExpect(flash().attributeExists("error"));
    }
}
