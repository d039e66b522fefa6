package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * The live parts through HTTP, as the page's htmx asks for them: the open queue is answered "nothing
 * changed" until something did, a request's news carries only the messages after the last one shown,
 * and colleagues typing are named for a short while only.
 */
class LiveWebTests extends WebTest {

    private static final Pattern KNOWN = Pattern.compile("hx-get=\"[^\"]*known=([0-9a-f]+)");

    @Autowired
    RequestDesk desk;

    @Autowired
    TestClock clock;

    @Test
    void theOpenQueueIsAnsweredNothingChangedUntilARequestArrives() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        data.request(client, "Первое обращение", "Текст.");
        MockHttpSession session = deskLogin(agent.email());

        String page = mvc.perform(get("/desk")
                        .param("view", "OPEN")
                        .param("sort", "NEWEST")
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String known = known(page);
        mvc.perform(get("/desk")
                        .param("view", "OPEN")
                        .param("sort", "NEWEST")
                        .param("known", known)
                        .session(session))
                .andExpect(status().isNoContent())
                .andExpect(content().string(""));

        TicketView second = data.request(client, "Второе обращение", "Ещё текст.");
        String changed = mvc.perform(get("/desk")
                        .param("view", "OPEN")
                        .param("sort", "NEWEST")
                        .param("known", known)
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("q-" + second.tid())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(known(changed)).isNotEqualTo(known);

        // a status change of a row shown is a change too
        desk.changeStatus(second.id(), dev.tidesk.ticket.Status.IN_PROGRESS, Actor.system());
        mvc.perform(get("/desk")
                        .param("view", "OPEN")
                        .param("sort", "NEWEST")
                        .param("known", known(changed))
                        .session(session))
                .andExpect(status().isOk());
    }

    @Test
    void aRequestsNewsCarryOnlyWhatCameAfterTheLastMessageShown() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        TicketView ticket = data.request(client, "Не работает поиск", "Поиск по каталогу пустой.");
        desk.assign(ticket.id(), agent.id(), agent.fullName(), Actor.system());
        MockHttpSession session = deskLogin(agent.email());
        String page = mvc.perform(get("/desk/requests/" + ticket.tid()).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher after = Pattern.compile("live\\?after=(\\d+)&amp;status=(\\w+)").matcher(page);
        assertThat(after.find())
                .as("the page asks for news after its last message")
                .isTrue();

        String quiet = mvc.perform(get("/desk/requests/" + ticket.tid() + "/live")
                        .param("after", after.group(1))
                        .param("status", after.group(2))
                        .session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(quiet).doesNotContain("<article").doesNotContain("live-client-replied");

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .param("body", "Уточнение: только по артикулу.")
                        .session(portal)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/desk/requests/" + ticket.tid() + "/live")
                        .param("after", after.group(1))
                        .param("status", after.group(2))
                        .session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("live-client-replied")))
                .andExpect(content().string(containsString("Уточнение: только по артикулу.")))
                .andExpect(content().string(not(containsString("Поиск по каталогу пустой."))))
                .andExpect(content().string(containsString("hx-swap-oob=\"beforeend:#thread\"")));
    }

    @Test
    void aColleagueTypingIsNamedForHalfAMinuteAndNeverToThemselves() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        StaffView colleague = data.agent();
        TicketView ticket = data.request(client, "Сменить баннер", "Новый баннер во вложении.");
        MockHttpSession mine = deskLogin(agent.email());
        MockHttpSession theirs = deskLogin(colleague.email());

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/presence")
                        .session(theirs)
                        .with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/live").session(mine))
                .andExpect(content().string(containsString(colleague.fullName())));
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/live").session(theirs))
                .andExpect(content().string(not(containsString("live-typing"))));

        clock.advance(Duration.ofSeconds(31));
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/live").session(mine))
                .andExpect(content().string(not(containsString("live-typing"))));

        // the heartbeat is a form post like any other: no CSRF token, no heartbeat
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/presence").session(theirs))
                .andExpect(status().isForbidden());
    }

    private static String known(String page) {
        Matcher m = KNOWN.matcher(page);
        assertThat(m.find()).as("the queue asks again with what it shows").isTrue();
        return m.group(1);
    }
}
