package dev.tidesk.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.CalendarBook;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.LocalDate;
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
}
