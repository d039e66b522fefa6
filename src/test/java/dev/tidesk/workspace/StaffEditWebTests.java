package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffChange;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

/**
 * Point 6 of issue 17 for the team: a colleague is edited (name, role, specialty) and deactivated;
 * the deactivated one cannot sign in, leaves the rotation, their open requests go back to the queue
 * with a note, and their personal-manager clients are listed for reassignment first.
 */
class StaffEditWebTests extends WebTest {

    @Autowired
    StaffDirectory staff;

    @Autowired
    RequestDesk desk;

    @Autowired
    RequestQueries queries;

    @Autowired
    Contracts contracts;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    java.time.Clock clock;

    @Test
    void aHeadEditsAColleagueAndTheChangesAreInTheirHistory() throws Exception {
        StaffView agent = data.agent();
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        mvc.perform(post("/desk/admin/staff/" + agent.id())
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Мария Петровна Новикова")
                        .param("role", "SPECIALIST")
                        .param("specialty", "SEO"))
                .andExpect(status().is3xxRedirection());
        StaffView after = staff.member(agent.id());
        assertThat(after.fullName()).isEqualTo("Мария Петровна Новикова");
        assertThat(after.role()).isEqualTo(Role.SPECIALIST);
        assertThat(after.specialty()).isEqualTo(Specialty.SEO);
        assertThat(staff.history(agent.id())).extracting(StaffChange::field).contains("fullName", "role", "specialty");
        String html = mvc.perform(get("/desk/admin/staff/" + agent.id()).session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Мария Петровна Новикова")
                .contains("staff-history")
                .contains("SEO");

        // a specialist without a specialty is refused, with what was typed
        String refused = mvc.perform(post("/desk/admin/staff/" + agent.id())
                        .session(head)
                        .with(csrf())
                        .param("fullName", "Имя Набранное Заново")
                        .param("role", "SPECIALIST")
                        .param("specialty", ""))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("Имя Набранное Заново").contains("form-errors");
        assertThat(staff.member(agent.id()).fullName()).isEqualTo("Мария Петровна Новикова");
    }

    @Test
    void aDeactivatedAgentsOpenRequestsGoBackToTheQueueWithANoteAndTheyCannotSignIn() throws Exception {
        StaffView agent = data.agent();
        MockHttpSession agentSession = deskLogin(agent.email());
        TestData.Client client = data.client();
        TicketView first = data.request(client, "Первое обращение агента", "Текст");
        TicketView second = data.request(client, "Второе обращение агента", "Текст");
        TicketView done = data.request(client, "Решённое обращение агента", "Текст");
        Actor byAgent = new Actor(agent.fullName(), agent.id(), null);
        for (TicketView t : new TicketView[] {first, second, done}) {
            desk.assign(t.id(), agent.id(), agent.fullName(), byAgent);
        }
        desk.changeStatus(done.id(), dev.tidesk.ticket.Status.IN_PROGRESS, byAgent);
        desk.changeStatus(done.id(), dev.tidesk.ticket.Status.RESOLVED, byAgent);
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());

        String confirm = mvc.perform(
                        get("/desk/admin/staff/" + agent.id() + "/deactivate").session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm).contains(first.tid()).contains(second.tid()).doesNotContain(done.tid());

        mvc.perform(post("/desk/admin/staff/" + agent.id() + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(staff.member(agent.id()).active()).isFalse();
        assertThat(staff.everyone()).extracting(StaffView::id).doesNotContain(agent.id());
        for (TicketView t : new TicketView[] {first, second}) {
            assertThat(queries.ticket(t.id()).assigneeId()).isNull();
            assertThat(queries.messages(t.id(), true)).anySatisfy(m -> {
                assertThat(m.kind()).isEqualTo(MessageKind.INTERNAL_NOTE);
                assertThat(m.body()).contains(agent.fullName()).contains("вернулось в очередь");
            });
            assertThat(queries.history(t.id())).extracting(HistoryEntry::field).contains("assignee");
        }
        // a finished request keeps its assignee: it is their history
        assertThat(queries.ticket(done.id()).assigneeId()).isEqualTo(agent.id());
        // signed out at once, and the password opens nothing
        mvc.perform(get("/desk").session(agentSession)).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/desk/login").user(agent.email()).password(TestData.PASSWORD))
                .andExpect(unauthenticated());
        assertThat(staff.history(agent.id())).extracting(StaffChange::field).contains("active");

        mvc.perform(post("/desk/admin/staff/" + agent.id() + "/reactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin("/desk/login").user(agent.email()).password(TestData.PASSWORD))
                .andExpect(authenticated());
    }

    @Test
    void aPersonalManagersClientsAreListedForReassignmentBeforeTheDeactivation() throws Exception {
        StaffView manager = data.member(Role.MANAGER);
        TestData.Client client = data.client();
        contracts.sign(
                client.organization().id(),
                "Д-" + client.organization().id(),
                LocalDate.now(clock).withDayOfMonth(1).minusMonths(1),
                PlanCode.PREMIUM,
                manager.id(),
                false,
                null,
                "test");
        data.settle();
        assertThat(terms.clientsOf(manager.id())).contains(client.organization().id());
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());

        String confirm = mvc.perform(
                        get("/desk/admin/staff/" + manager.id() + "/deactivate").session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm)
                .contains("managed-clients")
                .contains(client.organization().name())
                .contains("/desk/admin/contracts/");
        mvc.perform(post("/desk/admin/staff/" + manager.id() + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // nothing is held for a deactivated manager: the client's new request goes to the general queue
        TicketView fresh = data.request(client, "После ухода менеджера", "Текст");
        assertThat(mvc.perform(get("/desk/requests/" + fresh.tid()).session(head))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .doesNotContain("id=\"held-for\"");
    }

    @Autowired
    dev.tidesk.task.TaskBoard tasks;

    @Test
    void aDeactivatedSpecialistsUnfinishedTasksAreListedAndNotedOnTheirRequests() throws Exception {
        StaffView specialist = staff.hire(
                "Разработчик " + System.nanoTime(),
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        TicketView request = data.request(data.client(), "Починить форму заказа", "Текст");
        tasks.create(
                new dev.tidesk.task.NewTask(
                        request.id(),
                        Specialty.DEVELOPER,
                        specialist.id(),
                        "Исправить валидацию формы",
                        "Подробности",
                        new java.math.BigDecimal("2"),
                        dev.tidesk.task.Environment.LIVE),
                "test");
        MockHttpSession head = deskLogin(data.member(Role.HEAD).email());
        String confirm = mvc.perform(get("/desk/admin/staff/" + specialist.id() + "/deactivate")
                        .session(head))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm).contains("open-tasks").contains("Исправить валидацию формы");
        mvc.perform(post("/desk/admin/staff/" + specialist.id() + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(queries.messages(request.id(), true))
                .anySatisfy(m -> assertThat(m.body())
                        .contains("Исправить валидацию формы")
                        .contains(specialist.fullName()));
        // no longer offered for new tasks
        assertThat(tasks.specialists()).extracting(StaffView::id).doesNotContain(specialist.id());
    }

    @Test
    void onlyHeadsAndAdminsReachTheTeamAndNobodyDeactivatesThemselvesOrAnAdminWithoutBeingOne() throws Exception {
        StaffView agent = data.agent();
        MockHttpSession agentSession = deskLogin(data.agent().email());
        MockHttpSession specialist = deskLogin(staff.hire(
                        "Специалист " + System.nanoTime(),
                        "spec" + System.nanoTime() + "@tidesk.example",
                        Role.SPECIALIST,
                        Specialty.DESIGNER,
                        TestData.PASSWORD)
                .email());
        TestData.Client client = data.client();
        MockHttpSession portal = portalLogin(client.login());
        for (MockHttpSession denied : new MockHttpSession[] {agentSession, specialist, portal}) {
            mvc.perform(get("/desk/admin/staff/" + agent.id()).session(denied)).andExpect(status().isForbidden());
            mvc.perform(post("/desk/admin/staff/" + agent.id() + "/deactivate")
                            .session(denied)
                            .with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(staff.member(agent.id()).active()).isTrue();

        StaffView headMember = data.member(Role.HEAD);
        MockHttpSession head = deskLogin(headMember.email());
        StaffView admin = data.member(Role.ADMIN);
        mvc.perform(post("/desk/admin/staff/" + admin.id() + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.member(admin.id()).active()).isTrue();
        mvc.perform(post("/desk/admin/staff/" + headMember.id() + "/deactivate")
                        .session(head)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(staff.member(headMember.id()).active()).isTrue();
    }
}
