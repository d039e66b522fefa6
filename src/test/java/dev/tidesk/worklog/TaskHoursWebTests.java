package dev.tidesk.worklog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.DomainException;
import dev.tidesk.task.Environment;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * Norm-hours where people look for them: on a specialist's task (logged from the request's form),
 * rolled up once into the request and the client's ledger, the request's total on the client's
 * portal page, and never for a day before the request was received.
 */
class TaskHoursWebTests extends WebTest {

    @Autowired
    WorkLog workLog;

    @Autowired
    TaskBoard board;

    @Autowired
    StaffDirectory staff;

    @Autowired
    Ledgers ledgers;

    @Autowired
    JdbcTemplate jdbc;

    StaffView specialist(String name) {
        return staff.hire(
                name,
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
    }

    TaskView task(TicketView ticket, StaffView assignee, String title) {
        return board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DEVELOPER,
                        assignee.id(),
                        title,
                        null,
                        new BigDecimal("2"),
                        Environment.LIVE),
                "Агент");
    }

    @Test
    void hoursOnTasksShowOnTheTasksAndCountOnceInTheRequestAndTheLedger() throws Exception {
        TestData.Client client = data.client();
        new ContractFixtures(context).sign(client, PlanCode.ECONOMY, 0);
        TicketView t = data.request(client, "Новый каталог", "Нужен каталог с фильтрами");
        TicketView other = data.request(client, "Другое", "текст");
        StaffView agent = data.agent();
        StaffView anna = specialist("Анна Вёрсткина");
        StaffView oleg = specialist("Олег Бэкендов");
        TaskView layout = task(t, anna, "Вёрстка каталога");
        TaskView api = task(t, oleg, "Фильтры каталога");
        TaskView elsewhere = task(other, anna, "Чужая задача");
        String today = workLog.today().toString();

        MockHttpSession desk = deskLogin(agent.email());
        // the form offers the request's tasks
        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(desk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"worklog-task\"")))
                .andExpect(content().string(Matchers.containsString("Вёрстка каталога — Анна Вёрсткина")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Чужая задача"))));
        // 1,5 h on the request itself, 0,5 h on the layout task
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "1,5")
                        .param("day", today)
                        .param("kind", "WORK")
                        .param("taskId", ""))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "0:30")
                        .param("day", today)
                        .param("kind", "WORK")
                        .param("taskId", String.valueOf(layout.id())))
                .andExpect(flash().attributeExists("flash"));
        // a task of another request is not this request's
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "1")
                        .param("day", today)
                        .param("taskId", String.valueOf(elsewhere.id())))
                .andExpect(status().isNotFound());

        // the specialist logs 45 minutes on his own task, and may not on a colleague's
        MockHttpSession olegDesk = deskLogin(oleg.email());
        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(olegDesk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Фильтры каталога — Олег Бэкендов")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Вёрстка каталога — "))));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(olegDesk)
                        .with(csrf())
                        .param("hours", "45m")
                        .param("day", today)
                        .param("kind", "WORK")
                        .param("taskId", String.valueOf(api.id())))
                .andExpect(flash().attributeExists("flash"));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(olegDesk)
                        .with(csrf())
                        .param("hours", "3")
                        .param("day", today)
                        .param("taskId", String.valueOf(layout.id())))
                .andExpect(status().isNotFound());

        // by hand: tasks 30 and 45 minutes; the request 90 + 30 + 45 = 165; the ledger the same 165, not 240
        assertThat(workLog.minutesByTask(t.id())).isEqualTo(Map.of(layout.id(), 30, api.id(), 45));
        assertThat(workLog.totalMinutesOf(t.id())).isEqualTo(165);
        assertThat(workLog.totalMinutesOf(other.id())).isZero();
        YearMonth month = YearMonth.from(workLog.today());
        assertThat(ledgers.monthOf(client.organization().id(), month).usedMinutes())
                .isEqualTo(165);
        assertThat(workLog.minutesByOrganizationAndMonth(month, month)
                        .get(client.organization().id()))
                .containsEntry(month, 165);
        assertThat(jdbc.queryForObject(
                        "select sum(minutes) from work_entry where organization_id = ?",
                        Long.class,
                        client.organization().id()))
                .isEqualTo(165L);

        // the task panel of the request page, and the specialist's own list
        mvc.perform(get("/desk/requests/" + t.tid()).session(desk))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString("id=\"task-logged-" + layout.id() + "\">списано 0,5 ч")))
                .andExpect(content()
                        .string(Matchers.containsString("id=\"task-logged-" + api.id() + "\">списано 0,75 ч")));
        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(desk))
                .andExpect(content().string(Matchers.containsString("id=\"worklog-total\">2,75 ч")))
                .andExpect(content().string(Matchers.containsString("по задаче «Фильтры каталога»")));
        mvc.perform(get("/desk/tasks").session(olegDesk))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"my-task-logged-" + api.id() + "\">0,75 ч")));
    }

    @Test
    void thePortalRequestPageShowsTheRequestsHoursToItsOwnOrganizationOnly() throws Exception {
        TestData.Client client = data.client();
        TestData.Client stranger = data.client();
        TicketView t = data.request(client, "Баннер", "текст");
        StaffView agent = data.agent();
        StaffView dev = specialist("Игорь Баннеров");
        TaskView task = task(t, dev, "Новый баннер");
        workLog.log(t.id(), null, agent.id(), agent.fullName(), workLog.today(), 60, WorkKind.CONSULTATION, null);
        board.logHours(task.id(), t.id(), dev.id(), dev.fullName(), workLog.today(), 105, WorkKind.WORK, null);

        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal/requests/" + t.tid()).session(portal))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Нормочасы по обращению")))
                .andExpect(content().string(Matchers.containsString("id=\"request-hours\">2,75 ч")));
        mvc.perform(get("/portal/requests/" + t.tid()).session(portal).cookie(new Cookie("tidesk-lang", "en")))
                .andExpect(content().string(Matchers.containsString("Norm-hours spent")))
                .andExpect(content().string(Matchers.containsString("id=\"request-hours\">2.75 h")));
        mvc.perform(get("/portal/requests/" + t.tid()).session(portalLogin(stranger.login())))
                .andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.not(Matchers.containsString("request-hours"))));
    }

    @Test
    void hoursCannotBeLoggedForADayBeforeTheRequestWasReceivedByAnyPath() throws Exception {
        TestData.Client client = data.client();
        LocalDate received = workLog.today().minusDays(3);
        TicketView t = data.requestReceived(client, "Старое обращение", "текст", received);
        StaffView agent = data.agent();
        StaffView dev = specialist("Пётр Датов");
        TaskView task = task(t, dev, "Проверить даты");
        MockHttpSession desk = deskLogin(agent.email());

        mvc.perform(get("/desk/requests/" + t.tid() + "/worklog").session(desk))
                .andExpect(content().string(Matchers.containsString("min=\"" + received + "\"")));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + t.tid())
                        .param("hours", "1")
                        .param("day", received.minusDays(1).toString()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "error",
                                Matchers.containsString("Дата " + received.minusDays(1)
                                        + " раньше, чем поступило обращение (" + received + ")")));
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .cookie(new Cookie("tidesk-lang", "en"))
                        .header("Referer", "http://localhost/desk/requests/" + t.tid())
                        .param("hours", "1")
                        .param("day", received.minusDays(1).toString())
                        .param("taskId", String.valueOf(task.id())))
                .andExpect(flash().attribute(
                                "error",
                                Matchers.containsString("is before the request was received (" + received + ")")));
        assertThat(workLog.entriesOf(t.id())).isEmpty();

        // the day it was received is fine; moving the entry earlier is refused like a new one
        mvc.perform(post("/desk/requests/" + t.tid() + "/worklog")
                        .session(desk)
                        .with(csrf())
                        .param("hours", "1")
                        .param("day", received.toString()))
                .andExpect(flash().attributeExists("flash"));
        WorkEntryView entry = workLog.entriesOf(t.id()).get(0);
        mvc.perform(post("/desk/worklog/" + entry.id())
                        .session(desk)
                        .with(csrf())
                        .header("Referer", "http://localhost/desk/requests/" + t.tid())
                        .param("hours", "1")
                        .param("day", received.minusDays(2).toString()))
                .andExpect(flash().attribute("error", Matchers.containsString("раньше, чем поступило обращение")));
        assertThat(workLog.entry(entry.id()).day()).isEqualTo(received);

        // the module's API, which the task module, the demo and imports go through, has the same rule
        assertThatThrownBy(
                        () -> workLog.log(t.id(), null, agent.id(), received.minusMonths(2), 30, WorkKind.WORK, null))
                .isInstanceOf(DomainException.class)
                .satisfies(
                        e -> assertThat(((DomainException) e).messageKey()).isEqualTo("worklog.error.before-request"));
        assertThatThrownBy(() -> board.logHours(
                        task.id(), t.id(), dev.id(), dev.fullName(), received.minusDays(1), 30, WorkKind.WORK, null))
                .isInstanceOf(DomainException.class);
        assertThat(workLog.totalMinutesOf(t.id())).isEqualTo(60);
    }
}
