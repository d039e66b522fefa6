package dev.tidesk.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.time.LocalDate;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/** Logging norm-hours from the request page, its errors, and who may edit an entry. */
class WorkLogWebTests extends WebTest {

    @Autowired
    WorkLog workLog;

    @Test
    void anAgentLogsTimeOnARequestAndThePanelShowsIt() throws Exception {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Поправить форму", "Форма не отправляется");
        StaffView agent = data.agent();
        MockHttpSession desk = deskLogin(agent.email());

        mvc.perform(get("/desk/requests/" + t.tid()).session(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/desk/requests/" + t.tid() + "/worklog")));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "1,5")
                        .param("day", workLog.today().toString())
                        .param("kind", "WORK")
                        .param("comment", "исправил валидацию"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("flash"));

        List<WorkEntryView> entries = workLog.entriesOf(t.id());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.minutes()).isEqualTo(90);
            assertThat(e.staffId()).isEqualTo(agent.id());
            assertThat(e.organizationId()).isEqualTo(client.organization().id());
        });
        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("исправил валидацию")))
                .andExpect(content().string(Matchers.containsString("id=\"worklog-total\">1,5 ч")));
    }

    @ParameterizedTest(name = "{0} h on day +{1} → {2}")
    @CsvSource({
        "0,     0, Длительность равна нулю",
        "-1,    0, не может быть отрицательной",
        "25,    0, Больше 24 часов",
        "1,     1, ещё не наступила",
        "abc,   0, это не длительность",
    })
    void clearErrorsForImpossibleDurationsAndDates(String hours, int daysAhead, String message) throws Exception {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Ошибка", "текст");
        MockHttpSession desk = deskLogin(data.agent().email());
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + t.tid())
                        .param("hours", hours)
                        .param("day", workLog.today().plusDays(daysAhead).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", Matchers.containsString(message)));
        assertThat(workLog.entriesOf(t.id())).isEmpty();
    }

    @Test
    void aPersonCannotLogMoreThan24HoursOnOneDayAcrossRequests() throws Exception {
        TestData.Client client = data.client();
        LocalDate day = workLog.today().minusDays(1);
        TicketView a = data.requestReceived(client, "Первое", "текст", day);
        TicketView b = data.requestReceived(client, "Второе", "текст", day);
        StaffView agent = data.agent();
        workLog.log(a.id(), null, agent.id(), day, 20 * 60, WorkKind.WORK, null);
        MockHttpSession desk = deskLogin(agent.email());
        mvc.perform(post("/desk/requests/" + b.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + b.tid())
                        .param("hours", "4:01")
                        .param("day", day.toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("Больше 24 часов")));
        mvc.perform(post("/desk/requests/" + b.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "4")
                        .param("day", day.toString()))
                .andExpect(flash().attributeExists("flash"));
        assertThat(workLog.totalMinutesOf(b.id())).isEqualTo(240);
    }

    @Test
    void theAuthorAndTheHeadMayEditAnEntryAnotherAgentMayNotAndEveryChangeIsKept() throws Exception {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Правка", "текст");
        StaffView author = data.agent();
        StaffView other = data.agent();
        StaffView head = data.member(Role.HEAD);
        WorkEntryView e =
                workLog.log(t.id(), null, author.id(), author.fullName(), workLog.today(), 30, WorkKind.WORK, null);

        mvc.perform(post("/desk/worklog/" + e.id())
                        .session(deskLogin(other.email()))
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + t.tid())
                        .param("hours", "5")
                        .param("day", workLog.today().toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("только её автор")));
        assertThat(workLog.entry(e.id()).minutes()).isEqualTo(30);

        mvc.perform(post("/desk/worklog/" + e.id())
                        .session(deskLogin(author.email()))
                        .with(csrf())
                        .param("hours", "0,75")
                        .param("day", workLog.today().toString())
                        .param("kind", "CONSULTATION"))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(post("/desk/worklog/" + e.id())
                        .session(deskLogin(head.email()))
                        .with(csrf())
                        .param("hours", "1")
                        .param("day", workLog.today().toString())
                        .param("kind", "DEPLOY"))
                .andExpect(flash().attributeExists("flash"));

        assertThat(workLog.entry(e.id()).minutes()).isEqualTo(60);
        java.time.YearMonth month = java.time.YearMonth.from(workLog.today());
        assertThat(workLog.minutesByOrganizationAndMonth(month, month)
                        .get(client.organization().id()))
                .as("the monthly total follows the edits")
                .containsEntry(month, 60);
        assertThat(workLog.changesOf(t.id()))
                .extracting(WorkEntryChangeView::action, WorkEntryChangeView::minutes, WorkEntryChangeView::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("CREATED", 30, author.fullName()),
                        org.assertj.core.groups.Tuple.tuple("EDITED", 45, author.fullName()),
                        org.assertj.core.groups.Tuple.tuple("EDITED", 60, head.fullName()));
    }

    @Test
    void aContactCannotReachTheWorklog() throws Exception {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Чужое", "текст");
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(portal))
                .andExpect(status().is4xxClientError());
    }
}
