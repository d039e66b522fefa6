package dev.tidesk.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.alert.StoredAlertView;
import dev.tidesk.identity.Role;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.team.Specialty;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * Issue 13, points 7, 8 and 10: rules the pages only hinted at hold on the server, a failed form
 * goes back only to a page of this site, and bad input is a styled 400 page in the reader's
 * language, never a 500.
 */
class ServerSideRulesTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    dev.tidesk.ticket.RequestQueries requests;

    @Autowired
    TaskBoard tasks;

    @Autowired
    StaffDirectory staff;

    @Autowired
    PlanAlerts planAlerts;

    @Test
    void aSpecialistCannotSetTasksEvenWithoutTheForm() throws Exception {
        TestData.Client client = data.client();
        TicketView ticket = data.request(client, "Форма не отправляется", "Ошибка 500");
        StaffView developer = staff.hire(
                "Разработчик " + System.nanoTime(),
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        MockHttpSession specialist = deskLogin(developer.email());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/tasks")
                        .session(specialist)
                        .with(csrf())
                        .param("assigneeId", String.valueOf(developer.id()))
                        .param("title", "Сам себе задача")
                        .param("estimateHours", "1")
                        .param("environment", "LIVE"))
                .andExpect(status().isForbidden());
        assertThat(tasks.ofRequest(ticket.id())).isEmpty();

        MockHttpSession agent = deskLogin(data.agent().email());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/tasks")
                        .session(agent)
                        .with(csrf())
                        .param("assigneeId", String.valueOf(developer.id()))
                        .param("title", "Починить форму")
                        .param("estimateHours", "1")
                        .param("environment", "LIVE"))
                .andExpect(status().is3xxRedirection());
        assertThat(tasks.ofRequest(ticket.id())).hasSize(1);
    }

    @Test
    void aSpecialistWritesNotesButNeitherRepliesToTheClientNorTakesFromTheSupportQueue() throws Exception {
        TestData.Client client = data.client();
        TicketView ticket = data.request(client, "Сайт медленный", "Долго грузится");
        StaffView developer = staff.hire(
                "Разработчик " + System.nanoTime(),
                "dev" + System.nanoTime() + "@tidesk.example",
                Role.SPECIALIST,
                Specialty.DEVELOPER,
                TestData.PASSWORD);
        MockHttpSession specialist = deskLogin(developer.email());

        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .session(specialist)
                        .with(csrf())
                        .param("kind", "reply")
                        .param("body", "Клиенту от разработчика"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/messages")
                        .session(specialist)
                        .with(csrf())
                        .param("body", "Профилировщик показывает медленный запрос"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/desk/routing/take-next").session(specialist).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/desk/requests/" + ticket.tid() + "/take")
                        .session(specialist)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // their desk is their tasks, not the support queue
        mvc.perform(get("/desk").session(specialist)).andExpect(redirectedUrl("/desk/tasks"));

        assertThat(requests.messages(ticket.id(), true))
                .extracting(m -> m.kind().name() + ":" + m.body())
                .contains("INTERNAL_NOTE:Профилировщик показывает медленный запрос")
                .noneMatch(s -> s.contains("Клиенту от разработчика"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where ticket_id = ? and event_key like 'reply:%'",
                        Integer.class, ticket.id()))
                .isZero();
        mvc.perform(get("/desk/requests/" + ticket.tid()).session(specialist))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"notes-only\"")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(
                                org.hamcrest.Matchers.containsString("id=\"reply-address\""))))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("value=\"reply\""))));
    }

    @Test
    void anAdminWithoutAStaffRecordAcknowledgesAPlanAlert() throws Exception {
        ContractFixtures fixtures = new ContractFixtures(context);
        StoredAlertView alert = fixtures.managedOverrun(data).alert();
        StaffView admin = data.member(Role.ADMIN);
        jdbc.update("update account set staff_id = null where lower(login) = lower(?)", admin.email());
        MockHttpSession session = deskLogin(admin.email());
        mvc.perform(post("/desk/contracts/alerts/" + alert.id() + "/acknowledge")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(planAlerts.open(null)).noneMatch(a -> a.id() == alert.id());
    }

    @Test
    void aFailedFormGoesBackOnlyToAPageOfThisSite() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        TestData.Client client = data.client();
        String contacts = "/desk/admin/organizations/" + client.organization().id() + "/contacts";
        for (String hostile : new String[] {
            "https://evil.example/phish?localhost",
            "http://localhost.evil.example/x",
            "http://evil.example/http://localhost/",
            "//evil.example/",
            "http://user@localhost@evil.example/",
            "javascript:alert(1)//localhost"
        }) {
            mvc.perform(post(contacts)
                            .session(admin)
                            .with(csrf())
                            .header("Referer", hostile)
                            .param("fullName", "Дубль")
                            .param("email", client.contact().email()))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(header().doesNotExist("Location"));
        }
        mvc.perform(post(contacts)
                        .session(admin)
                        .with(csrf())
                        .header(
                                "Referer",
                                "http://localhost/desk/admin/organizations/"
                                        + client.organization().id() + "?tab=1")
                        .param("fullName", "Дубль")
                        .param("email", client.contact().email()))
                .andExpect(status().isSeeOther())
                .andExpect(redirectedUrl(
                        "/desk/admin/organizations/" + client.organization().id() + "?tab=1"));
    }

    @Test
    void badInputIsAStyledLocalizedBadRequestNeverAServerError() throws Exception {
        TestData.Client client = data.client();
        MockHttpSession portal = portalLogin(client.login());
        mvc.perform(get("/portal").param("page", "2147483647").session(portal)).andExpect(status().isOk());
        mvc.perform(get("/portal").param("page", "x").session(portal)).andExpect(status().isBadRequest());

        mvc.perform(post("/portal/requests")
                        .session(portal)
                        .with(csrf())
                        .param("subject", "Нулевой\0байт")
                        .param("body", "текст")
                        .param("siteId", String.valueOf(client.site().id()))
                        .param("urgency", "NORMAL"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Запрос не удалось разобрать")))
                .andExpect(content().string(containsString("class=\"big-status\"")));
        TicketView ticket = data.request(client, "Обычный запрос", "текст");
        mvc.perform(post("/portal/requests/" + ticket.tid() + "/replies")
                        .session(portal)
                        .with(csrf())
                        .param("body", "ответ\0"))
                .andExpect(status().isBadRequest());

        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        mvc.perform(post("/desk/admin/staff")
                        .session(admin)
                        .with(csrf())
                        .param("fullName", "Кто-то")
                        .param("email", "x" + System.nanoTime() + "@tidesk.example")
                        .param("role", "SUPERUSER"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/desk/admin/calendar").param("year", "99999999").session(admin))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/desk/admin/calendar").param("year", "2026").session(admin))
                .andExpect(status().isOk());
        mvc.perform(get("/desk").param("page", "2147483647").session(admin)).andExpect(status().isOk());
        mvc.perform(get("/desk/requests/" + ticket.tid() + "/nothing-here").session(admin))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("class=\"big-status\"")));
        mvc.perform(get("/desk/admin/calendar")
                        .param("year", "99999999")
                        .param("lang", "en")
                        .session(admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("This request cannot be read")));
    }
}
