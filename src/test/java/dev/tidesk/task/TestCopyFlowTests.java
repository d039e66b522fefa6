package dev.tidesk.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.shared.DomainException;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class TestCopyFlowTests extends WebTest {

    @Autowired
    TaskBoard board;

    @Autowired
    StaffDirectory staff;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    Outbox outbox;

    StaffView specialist(Specialty specialty) {
        String email = "spec" + System.nanoTime() + "@tidesk.example";
        return staff.hire("Иван Разработчиков", email, Role.SPECIALIST, specialty, TestData.PASSWORD);
    }

    @Test
    void aTestTaskIsDeclinedWithACommentThenAcceptedDeployedAndDoneAndEveryStepIsRecorded() throws Exception {
        TestData.Client client = data.client();
        TicketView ticket = data.request(client, "Обновить модуль оплаты", "Нужна новая версия");
        StaffView agent = data.agent();
        StaffView dev = specialist(Specialty.DEVELOPER);
        MockHttpSession agentSession = deskLogin(agent.email());

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/tasks")
                        .session(agentSession)
                        .with(csrf())
                        .param("assigneeId", String.valueOf(dev.id()))
                        .param("title", "Обновление модуля оплаты")
                        .param("description", "Внутреннее: обновить SDK банка до v3")
                        .param("estimateHours", "3.5")
                        .param("environment", "TEST"))
                .andExpect(status().is3xxRedirection());
        TaskView task = board.ofRequest(ticket.id()).get(0);
        assertThat(task.environment()).isEqualTo(Environment.TEST);
        assertThat(task.status()).isEqualTo(TaskStatus.TODO);

        MockHttpSession devSession = deskLogin(dev.email());
        mvc.perform(get("/desk/tasks").session(devSession))
                .andExpect(content().string(containsString("Обновление модуля оплаты")));
        // a TEST task cannot skip the client's acceptance
        mvc.perform(
                post("/desk/tasks/" + task.id() + "/start").session(devSession).with(csrf()));
        assertThatThrownBy(() -> board.complete(task.id(), dev.id(), "x")).isInstanceOf(DomainException.class);
        mvc.perform(
                post("/desk/tasks/" + task.id() + "/ready").session(devSession).with(csrf()));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.AWAITING_CLIENT_ACCEPTANCE);

        // the client is told by mail, with the test copy's address
        List<OutboxView> mails = outbox.ofRequest(ticket.id());
        assertThat(mails).anySatisfy(m -> {
            assertThat(m.subject()).contains("Проверьте на тестовой копии");
            assertThat(m.textBody()).contains(client.site().testUrl());
        });

        // the portal shows the task's title and status, never the specialist's description
        MockHttpSession clientSession = portalLogin(client.login());
        mvc.perform(get("/portal/requests/" + ticket.tid()).session(clientSession))
                .andExpect(content().string(containsString("Обновление модуля оплаты")))
                .andExpect(content().string(containsString("ждёт вашей проверки")))
                .andExpect(content().string(not(containsString("SDK банка"))));

        // another organization cannot accept it
        TestData.Client stranger = data.client();
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/tasks/" + task.id() + "/accept")
                        .session(portalLogin(stranger.login()))
                        .with(csrf()))
                .andExpect(status().isNotFound());

        mvc.perform(post("/portal/requests/" + ticket.tid() + "/tasks/" + task.id() + "/decline")
                        .session(clientSession)
                        .with(csrf())
                        .param("comment", "Кнопка оплаты съехала вниз"))
                .andExpect(status().is3xxRedirection());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(board.task(task.id()).clientComment()).isEqualTo("Кнопка оплаты съехала вниз");
        mvc.perform(get("/desk/tasks").session(devSession))
                .andExpect(content().string(containsString("Кнопка оплаты съехала вниз")));

        mvc.perform(
                post("/desk/tasks/" + task.id() + "/ready").session(devSession).with(csrf()));
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/tasks/" + task.id() + "/accept")
                        .session(clientSession)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DEPLOYING);
        // accepting twice is refused
        assertThatThrownBy(() -> board.accept(task.id(), ticket.id(), "again")).isInstanceOf(DomainException.class);
        mvc.perform(post("/desk/tasks/" + task.id() + "/complete")
                .session(devSession)
                .with(csrf()));
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DONE);

        assertThat(board.history(ticket.id()))
                .extracting(TaskStep::to)
                .containsExactly(
                        TaskStatus.TODO,
                        TaskStatus.IN_PROGRESS,
                        TaskStatus.ON_TEST_COPY,
                        TaskStatus.AWAITING_CLIENT_ACCEPTANCE,
                        TaskStatus.IN_PROGRESS,
                        TaskStatus.ON_TEST_COPY,
                        TaskStatus.AWAITING_CLIENT_ACCEPTANCE,
                        TaskStatus.DEPLOYING,
                        TaskStatus.DONE);
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(agentSession))
                .andExpect(content().string(containsString("id=\"task-history\"")))
                .andExpect(content().string(containsString("Клиент: Кнопка оплаты съехала вниз")));
    }

    @Test
    void aTestCopyOnlyContractForcesTheTestCopyAndAnotherSpecialistCannotTouchTheTask() {
        TestData.Client client = data.client();
        terms.update(client.organization().id(), 1, null, 4, 24, true);
        TicketView ticket = data.request(client, "Поменять шапку", "Новый логотип");
        StaffView designer = specialist(Specialty.DESIGNER);
        StaffView other = specialist(Specialty.DESIGNER);
        TaskView task = board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.DESIGNER,
                        designer.id(),
                        "Новый логотип в шапке",
                        null,
                        new BigDecimal("1"),
                        Environment.LIVE),
                "Агент");
        assertThat(task.environment()).isEqualTo(Environment.TEST);
        assertThatThrownBy(() -> board.start(task.id(), other.id(), "Другой")).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> board.create(
                        new NewTask(
                                ticket.id(),
                                Specialty.SEO,
                                designer.id(),
                                "SEO",
                                null,
                                BigDecimal.ONE,
                                Environment.LIVE),
                        "Агент"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aLiveTaskGoesStraightToDone() {
        TestData.Client client = data.client();
        TicketView ticket = data.request(client, "Опечатка на главной", "Исправьте");
        StaffView content = specialist(Specialty.CONTENT);
        TaskView task = board.create(
                new NewTask(
                        ticket.id(),
                        Specialty.CONTENT,
                        content.id(),
                        "Исправить опечатку",
                        null,
                        new BigDecimal("0.5"),
                        Environment.LIVE),
                "Агент");
        board.start(task.id(), content.id(), content.fullName());
        assertThatThrownBy(() -> board.readyOnTestCopy(task.id(), content.id(), "x"))
                .isInstanceOf(DomainException.class);
        board.complete(task.id(), content.id(), content.fullName());
        assertThat(board.task(task.id()).status()).isEqualTo(TaskStatus.DONE);
    }
}
