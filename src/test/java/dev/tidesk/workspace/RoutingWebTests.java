package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.CalendarBook;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.routing.QueueEntry;
import dev.tidesk.routing.RoutingQueue;
import dev.tidesk.routing.SlaState;
import dev.tidesk.routing.SlaWatch;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

class RoutingWebTests extends WebTest {

    @Autowired
    RequestQueries queries;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    StaffDirectory staff;

    @Autowired
    CalendarBook calendars;

    @Autowired
    TestClock clock;

    @Autowired
    SlaWatch watch;

    @Autowired
    RoutingQueue queue;

    @Autowired
    RequestIntake intake;

    @Autowired
    RequestDesk desk;

    @Test
    void theUnassignedQueueIsInPriorityOrderAndTakeNextGivesTheTopRequest() throws Exception {
        Client premium = data.client();
        terms.update(premium.organization().id(), 0, null, 1, 8, false);
        TicketView ticket = data.request(premium, "Сайт не открывается", "Совсем");
        StaffView agent = data.agent();
        MockHttpSession session = deskLogin(agent.email());

        mvc.perform(get("/desk").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"q-" + ticket.tid() + "\"")))
                .andExpect(content().string(containsString("id=\"take-next\"")));

        // the agent marks themself busy, then available again
        mvc.perform(post("/desk/routing/availability")
                        .param("availability", "BUSY")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk"));
        assertThat(staff.member(agent.id()).availability()).isEqualTo(Availability.BUSY);
        mvc.perform(post("/desk/routing/availability")
                        .param("availability", "AVAILABLE")
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk"));

        mvc.perform(post("/desk/routing/take-next").session(session).with(csrf()))
                .andExpect(redirectedUrlPattern("/desk/requests/*"));
        // without the CSRF token nothing is taken
        mvc.perform(post("/desk/routing/take-next").session(session)).andExpect(status().isForbidden());
    }

    @Test
    void adminsEditTheWorkingCalendarAndAgentsMayNot() throws Exception {
        StaffView admin = data.member(Role.ADMIN);
        StaffView agent = data.agent();
        MockHttpSession adminSession = deskLogin(admin.email());
        mvc.perform(get("/desk/admin/calendar").param("year", "2026").session(adminSession))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Перенос с 3 января")));
        mvc.perform(post("/desk/admin/calendar/days")
                        .param("day", "2031-11-08")
                        .param("working", "true")
                        .param("note", "Рабочая суббота")
                        .session(adminSession)
                        .with(csrf()))
                .andExpect(redirectedUrl("/desk/admin/calendar?year=2031"));
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2031, 11, 8))).isTrue();
        mvc.perform(post("/desk/admin/calendar/days/2031-11-08/delete")
                        .session(adminSession)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(calendars.calendar().isWorkingDay(LocalDate.of(2031, 11, 8))).isFalse();
        mvc.perform(post("/desk/admin/calendar/hours")
                .param("zone", "Europe/Moscow")
                .param("start", "18:00")
                .param("end", "09:00")
                .session(adminSession)
                .with(csrf()));
        assertThat(calendars.calendar().end()).isEqualTo(java.time.LocalTime.of(18, 0));

        mvc.perform(get("/desk/admin/calendar").session(deskLogin(agent.email())))
                .andExpect(status().isForbidden());
    }

    /**
     * Issue 18: a request that missed its first answer, was answered late and handed back to the
     * queue used to rank by its resolution deadline, below a request still in time. Past its SLA,
     * it now comes first within its urgency, and "why here" says why the other one is below it.
     */
    @Test
    void aRequestPastItsSlaRanksAboveOneStillInTimeOfTheSameUrgency() throws Exception {
        Instant t0 = LocalDateTime.parse("2026-03-03T10:00")
                .atZone(ZoneId.of("Europe/Moscow"))
                .toInstant();
        clock.moveTo(t0);
        Client late = data.client();
        terms.update(late.organization().id(), 1, null, 1, 16, false);
        TicketView missed = open(late, "Не работает корзина: ответили поздно");

        // two hours later the first answer is an hour late
        clock.moveTo(t0.plus(Duration.ofHours(2)));
        watch.check(clock.instant());
        StaffView agent = data.agent();
        desk.assign(missed.id(), agent.id(), agent.fullName(), Actor.staff(agent.id(), agent.fullName()));
        desk.reply(missed.id(), Actor.staff(agent.id(), agent.fullName()), "Смотрим", List.of());
        desk.assign(missed.id(), null, null, Actor.staff(agent.id(), agent.fullName()));

        Client inTime = data.client();
        terms.update(inTime.organization().id(), 1, null, 4, 16, false);
        TicketView fresh = open(inTime, "Не работает корзина: только что");

        List<QueueEntry> both = queue.order(List.of(fresh.id(), missed.id()));
        assertThat(both).extracting(QueueEntry::ticketId).containsExactly(missed.id(), fresh.id());
        assertThat(both.get(0).sla()).isEqualTo(SlaState.BREACHED);
        assertThat(both.get(0).dueAt())
                .as("the missed deadline, an hour after it came in")
                .isCloseTo(missed.createdAt().plus(Duration.ofHours(1)), within(1, ChronoUnit.MILLIS));
        assertThat(both.get(1).sla()).isEqualTo(SlaState.OK);
        assertThat(both.get(1).decidedBy()).isEqualTo("intime");

        // the agent's queue page shows the same order, in both languages
        MockHttpSession session = deskLogin(data.agent().email());
        for (String lang : List.of("ru", "en")) {
            String page = mvc.perform(get("/desk").param("lang", lang).session(session))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            int above = page.indexOf("id=\"q-" + missed.tid() + "\"");
            int below = page.indexOf("id=\"q-" + fresh.tid() + "\"");
            assertThat(above).isPositive();
            assertThat(below).isGreaterThan(above);
            assertThat(page.substring(above, below)).contains("sla-BREACHED");
        }
        String en = mvc.perform(get("/desk").param("lang", "en").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(en).contains("requests past their SLA first (the earliest missed deadline first)");
        String ru = mvc.perform(get("/desk").param("lang", "ru").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(ru).contains("сначала обращения с нарушенным SLA");

        // resolved, it leaves the queue and its breach with it
        desk.changeStatus(missed.id(), Status.RESOLVED, Actor.system());
        assertThat(queue.order(List.of(fresh.id(), missed.id())))
                .extracting(QueueEntry::ticketId)
                .containsExactly(fresh.id());
    }

    private TicketView open(Client client, String subject) {
        return intake.open(
                new NewRequest(
                        subject,
                        "Оформить заказ нельзя",
                        client.contact().id(),
                        client.site().id(),
                        Channel.PORTAL,
                        Urgency.CRITICAL,
                        List.of(),
                        Actor.contact(client.contact().id(), client.contact().fullName())),
                clock.instant());
    }
}
