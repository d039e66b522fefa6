package dev.tidesk.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkEntryView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * R14: for a contract where all work goes via the test copy, deploying a task suggests a test-copy
 * sync entry on the request page and in "my tasks"; confirming logs it through the worklog (and so
 * into the month's total the ledger is built from), once; dismissing logs nothing.
 */
class SyncSuggestionTests extends WebTest {

    @Autowired
    TaskBoard board;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    WorkLog workLog;

    StaffView dev;

    TaskView deployedTask(TestData.Client client, String title) throws Exception {
        TicketView ticket = data.request(client, "Доработка: " + title, "Текст");
        dev = staff.hire(
                "Игорь Синхронов",
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TaskView task = board.create(
                new NewTask(
                        ticket.id(), Specialty.DEVELOPER, dev.id(), title, null, new BigDecimal("2"), Environment.TEST),
                "Агент");
        board.start(task.id(), dev.id(), dev.fullName());
        board.readyOnTestCopy(task.id(), dev.id(), dev.fullName());
        board.accept(task.id(), ticket.id(), "Клиент");
        assertThat(board.syncSuggestions(ticket.id()))
                .as("nothing before the deploy")
                .isEmpty();
        mvc.perform(post("/desk/tasks/" + task.id() + "/complete")
                        .session(deskLogin(dev.email()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DONE);
        return board.task(task.id());
    }

    @Test
    void aDeployOfATestCopyOnlyClientSuggestsTheSyncAndConfirmingLogsItOnce() throws Exception {
        TestData.Client client = data.client();
        terms.update(client.organization().id(), 1, null, 4, 24, true);
        TaskView task = deployedTask(client, "Новый каталог");
        MockHttpSession session = deskLogin(dev.email());

        assertThat(board.syncSuggestions(task.ticketId()))
                .singleElement()
                .satisfies(s -> assertThat(s.minutes()).isEqualTo(30));
        mvc.perform(get("/desk/requests/" + task.tid()).session(session))
                .andExpect(content().string(containsString("id=\"sync-confirm-" + task.id() + "\"")))
                .andExpect(content().string(containsString("Синхронизация тестовой копии после «Новый каталог»")));
        mvc.perform(get("/desk/tasks").session(session))
                .andExpect(content().string(containsString("id=\"sync-confirm-" + task.id() + "\"")));

        mvc.perform(post("/desk/tasks/" + task.id() + "/sync/confirm")
                        .session(session)
                        .with(csrf())
                        .param("hours", "0,5")
                        .param("comment", "Синхронизация тестовой копии после «Новый каталог»")
                        .param("from", "mine"))
                .andExpect(redirectedUrl("/desk/tasks"));
        List<WorkEntryView> entries = workLog.entriesOf(task.ticketId());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(WorkKind.TEST_COPY_SYNC);
            assertThat(e.minutes()).isEqualTo(30);
            assertThat(e.taskId()).isEqualTo(task.id());
            assertThat(e.staffId()).isEqualTo(dev.id());
            assertThat(e.day()).isEqualTo(workLog.today());
            assertThat(e.comment()).isEqualTo("Синхронизация тестовой копии после «Новый каталог»");
        });
        YearMonth month = YearMonth.from(workLog.today());
        assertThat(workLog.minutesByMonth(
                        client.organization().id(),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1)))
                .containsEntry(month, 30);

        // gone from both pages, and a second confirm logs nothing
        mvc.perform(get("/desk/requests/" + task.tid()).session(session))
                .andExpect(content().string(not(containsString("sync-confirm-" + task.id()))));
        mvc.perform(post("/desk/tasks/" + task.id() + "/sync/confirm")
                        .session(session)
                        .with(csrf())
                        .param("hours", "0,5")
                        .param("comment", "ещё раз"))
                .andExpect(status().isUnprocessableEntity());
        assertThat(workLog.entriesOf(task.ticketId())).hasSize(1);
    }

    @Test
    void dismissingLogsNothingAndAnOrdinaryContractGetsNoSuggestion() throws Exception {
        TestData.Client testFirst = data.client();
        terms.update(testFirst.organization().id(), 1, null, 4, 24, true);
        TaskView task = deployedTask(testFirst, "Новая шапка");
        mvc.perform(post("/desk/tasks/" + task.id() + "/sync/dismiss")
                        .session(deskLogin(dev.email()))
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/requests/" + task.tid() + "#tasks"));
        assertThat(board.syncSuggestions(task.ticketId())).isEmpty();
        assertThat(workLog.entriesOf(task.ticketId())).isEmpty();

        TestData.Client ordinary = data.client();
        terms.update(ordinary.organization().id(), 1, null, 4, 24, false);
        TaskView other = deployedTask(ordinary, "Новый подвал");
        assertThat(board.syncSuggestions(other.ticketId())).isEmpty();
        assertThat(board.syncSuggestionsFor(dev.id())).isEmpty();
    }
}
