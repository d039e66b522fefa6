package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestTags;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Point 7 of issue 17: free tags on requests, added and removed by staff on the request page with
 * suggestions, shown on the queue rows, filtered by {@code ?tag=}, counted in a report with CSV, and
 * each change in the request's history.
 */
class RequestTagsWebTests extends WebTest {

    @Autowired
    RequestTags tags;

    @Autowired
    RequestQueries queries;

    @Autowired
    StaffDirectory staff;

    @Autowired
    RequestDesk desk;

    @Test
    void anAgentTagsARequestAndTheQueueShowsAndFiltersByIt() throws Exception {
        TestData.Client client = data.client();
        TicketView tagged = data.request(client, "Не работает корзина", "Текст");
        TicketView other = data.request(client, "Другой вопрос", "Текст");
        MockHttpSession agent = deskLogin(data.agent().email());
        String tag = "корзина-" + System.nanoTime();

        mvc.perform(post("/desk/requests/" + tagged.tid() + "/tags")
                        .session(agent)
                        .with(csrf())
                        .param("tag", "  " + tag.toUpperCase() + "  "))
                .andExpect(status().is3xxRedirection());
        assertThat(tags.of(tagged.id())).containsExactly(tag);
        // the same tag again changes nothing
        mvc.perform(post("/desk/requests/" + tagged.tid() + "/tags")
                        .session(agent)
                        .with(csrf())
                        .param("tag", tag))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.history(tagged.id()))
                .filteredOn(h -> h.field().equals("tagAdded"))
                .extracting(HistoryEntry::toValue)
                .containsExactly(tag);

        String page = body(get("/desk/requests/" + tagged.tid()).session(agent));
        assertThat(page).contains("request-tags").contains(tag).contains("tag-suggestions");

        // newest first: the tagged request is on the first page however many the suite has made
        String queue =
                body(get("/desk").param("view", "OPEN").param("sort", "NEWEST").session(agent));
        assertThat(queue).contains("row-tags").contains(tag);
        String filtered = body(get("/desk")
                .param("view", "OPEN")
                .param("tag", tag.toUpperCase())
                .session(agent));
        assertThat(filtered).contains(tagged.tid()).doesNotContain(other.tid()).contains("tag-filter");
        String unassigned =
                body(get("/desk").param("view", "UNASSIGNED").param("tag", tag).session(agent));
        assertThat(unassigned).contains(tagged.tid()).doesNotContain(other.tid());
        String search = body(get("/desk/search").param("tag", tag).session(agent));
        assertThat(search).contains(tagged.tid()).doesNotContain(other.tid());

        mvc.perform(post("/desk/requests/" + tagged.tid() + "/tags/remove")
                        .session(agent)
                        .with(csrf())
                        .param("tag", tag))
                .andExpect(status().is3xxRedirection());
        assertThat(tags.of(tagged.id())).isEmpty();
        assertThat(queries.history(tagged.id())).extracting(HistoryEntry::field).contains("tagRemoved");
        assertThat(body(get("/desk").param("view", "OPEN").param("tag", tag).session(agent)))
                .doesNotContain(tagged.tid());
    }

    @Test
    void theQueueTilesCountTheTaggedRequestsWhenTheListIsNarrowedToATag() throws Exception {
        TestData.Client client = data.client();
        StaffView agent = data.agent();
        Actor byAgent = Actor.staff(agent.id(), agent.fullName());
        String tag = "оплата-" + System.nanoTime();
        TicketView waiting = data.request(client, "Оплата не проходит", "Текст");
        TicketView taken = data.request(client, "Оплата картой", "Текст");
        TicketView resolved = data.request(client, "Оплата счётом", "Текст");
        data.request(client, "Без тега", "Текст");
        for (TicketView t : new TicketView[] {waiting, taken, resolved}) {
            tags.add(t.id(), tag, byAgent);
        }
        desk.assign(taken.id(), agent.id(), agent.fullName(), byAgent);
        desk.changeStatus(resolved.id(), Status.RESOLVED, byAgent);
        MockHttpSession session = deskLogin(agent.email());

        for (String view : new String[] {"OPEN", "UNASSIGNED", "MINE"}) {
            String page = body(get("/desk")
                    .param("view", view)
                    .param("tag", tag.toUpperCase())
                    .session(session));
            assertThat(tiles(page))
                    .as("the tiles of the %s list narrowed to the tag", view)
                    .containsExactly(Map.entry("UNASSIGNED", "1"), Map.entry("MINE", "1"), Map.entry("OPEN", "2"));
        }
        // without the tag the tiles count every request again: at least these four and the suite's others
        Map<String, String> all = tiles(body(get("/desk").param("view", "OPEN").session(session)));
        // (past the queue's cap the tile says "999+")
        assertThat(Long.parseLong(all.get("OPEN").replace("+", ""))).isGreaterThanOrEqualTo(3);
    }

    /** The count tiles of a queue page, by view: the number each shows. */
    private static Map<String, String> tiles(String page) {
        Matcher m = Pattern.compile("id=\"view-(\\w+)\">\\s*<span class=\"tile-num\">([^<]*)</span>")
                .matcher(page);
        Map<String, String> tiles = new LinkedHashMap<>();
        while (m.find()) {
            tiles.put(m.group(1), m.group(2).strip());
        }
        return tiles;
    }

    @Test
    void tagsAreTrimmedLowerCasedAndKeptShort() throws Exception {
        TicketView request = data.request(data.client(), "Теги", "Текст");
        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(post("/desk/requests/" + request.tid() + "/tags")
                        .session(agent)
                        .with(csrf())
                        .param("tag", "x".repeat(RequestTags.MAX_LENGTH + 1)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/requests/" + request.tid() + "/tags")
                        .session(agent)
                        .with(csrf())
                        .param("tag", "   "))
                .andExpect(status().is3xxRedirection());
        assertThat(tags.of(request.id())).isEmpty();
        assertThat(RequestTags.normalize("  Срочно   ОПЛАТА ")).isEqualTo("срочно оплата");
    }

    @Test
    void specialistsTagButContactsReachNothing() throws Exception {
        TestData.Client client = data.client();
        TicketView request = data.request(client, "Теги и доступ", "Текст");
        MockHttpSession specialist = deskLogin(staff.hire(
                        "Специалист " + System.nanoTime(),
                        "spec" + System.nanoTime() + "@tidesk.example",
                        Role.SPECIALIST,
                        Specialty.DEVELOPER,
                        TestData.PASSWORD)
                .email());
        mvc.perform(post("/desk/requests/" + request.tid() + "/tags")
                        .session(specialist)
                        .with(csrf())
                        .param("tag", "вёрстка"))
                .andExpect(status().is3xxRedirection());
        assertThat(tags.of(request.id())).containsExactly("вёрстка");

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(post("/desk/requests/" + request.tid() + "/tags")
                        .session(portal)
                        .with(csrf())
                        .param("tag", "клиент"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/requests/" + request.tid() + "/tags/remove")
                        .session(portal)
                        .with(csrf())
                        .param("tag", "вёрстка"))
                .andExpect(status().isForbidden());
        assertThat(tags.of(request.id())).containsExactly("вёрстка");
        // the client's own page never shows them
        assertThat(body(get("/portal/requests/" + request.tid()).session(portal)))
                .doesNotContain("вёрстка");
    }

    @Test
    void theReportCountsRequestsPerTagAndExportsThemAsCsv() throws Exception {
        TestData.Client client = data.client();
        String tag = "отчёт-" + System.nanoTime();
        for (int i = 0; i < 3; i++) {
            TicketView t = data.request(client, "Для отчёта " + i, "Текст");
            tags.add(t.id(), tag, dev.tidesk.ticket.Actor.system());
        }
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String report = body(get("/desk/reports/tags")
                .param("org", String.valueOf(client.organization().id()))
                .session(head));
        assertThat(report).contains(tag);
        byte[] csv = mvc.perform(get("/desk/reports/tags/export")
                        .param("format", "csv")
                        .param("org", String.valueOf(client.organization().id()))
                        .session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Тег").contains(tag + ";3;3");
        // reports are the head's and the admin's
        mvc.perform(get("/desk/reports/tags").session(deskLogin(data.agent().email())))
                .andExpect(status().isForbidden());
    }

    private String body(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
