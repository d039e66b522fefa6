package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.TestClock;
import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.ticket.TicketView;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;

/**
 * The calendar by the Labour Code's rule in years nobody entered, with the application's clock
 * moved: SLA deadlines across the New Year holidays, and the December warning about next year's
 * decree transfers.
 */
class CalendarByRuleWebTests extends WebTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    TestClock clock;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    RoutingRequests rows;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        jdbc.update("delete from routing_calendar_day where day >= date '2030-01-01'");
    }

    @Test
    void aRequestOnNewYearsEveOfAYearNobodyEnteredIsDueAfterTheJanuaryHolidays() {
        assertThat(jdbc.queryForObject(
                        "select count(*) from routing_calendar_day where day >= date '2030-01-01'", Integer.class))
                .isZero();
        TestData.Client client = data.client();
        // 4 working hours to the first reply, 16 to the resolution, working hours 9:00-18:00
        terms.update(client.organization().id(), 1, null, 4, 16, false);
        clock.freezeAt(java.time.LocalDateTime.parse("2030-12-31T16:00"), java.time.ZoneId.of("Europe/Moscow"));
        TicketView t = data.request(client, "С Новым годом", "Сайт не открывается");

        SlaClock sla = rows.row(t.id()).orElseThrow().clock();
        // 2 h on Tuesday 31 December; 1-8 January 2031 are the holidays (Wed 1 to Wed 8); 2 h on Thu 9 January
        assertThat(sla.firstResponseDue)
                .isEqualTo(
                        LocalDateTime.parse("2031-01-09T11:00").atZone(MOSCOW).toInstant());
        // 2 h + 9 h on 9 January + 5 h on Friday 10 January
        assertThat(sla.resolutionDue)
                .isEqualTo(
                        LocalDateTime.parse("2031-01-10T14:00").atZone(MOSCOW).toInstant());
    }

    @Test
    void fromTheFirstOfDecemberAdminsAreWarnedUntilNextYearsTransfersAreEntered() throws Exception {
        MockHttpSession admin = deskLogin(data.member(Role.ADMIN).email());
        String warning = "Переносы выходных на 2031 год ещё не внесены";

        clock.freezeAt(java.time.LocalDateTime.parse("2030-11-30T23:30"), java.time.ZoneId.of("Europe/Moscow"));
        mvc.perform(get("/desk/admin/calendar").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"calendar-transfers-missing\""))))
                .andExpect(content().string(not(containsString("calendar-transfers-nav"))));
        mvc.perform(get("/desk/admin/staff").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(warning))));

        clock.freezeAt(java.time.LocalDateTime.parse("2030-12-01T00:10"), java.time.ZoneId.of("Europe/Moscow"));
        mvc.perform(get("/desk/admin/calendar").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"calendar-transfers-missing\"")))
                .andExpect(content().string(containsString(warning)))
                .andExpect(content().string(containsString("id=\"calendar-transfers-nav\"")));
        mvc.perform(get("/desk/admin/staff").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"admin-transfers-missing\"")))
                .andExpect(content().string(containsString(warning)));
        // the year's page shows the Code's days without anything entered: 23 February 2031 moved to the 24th
        mvc.perform(get("/desk/admin/calendar").param("year", "2031").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Перенос с 23 февраля (День защитника Отечества)")))
                .andExpect(content().string(containsString("24.02.2031")));

        // an agent sees no admin menu and no warning
        mvc.perform(get("/desk").session(deskLogin(data.agent().email())))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(warning))));

        // the decree's transfer entered: the warning is gone
        mvc.perform(post("/desk/admin/calendar/days")
                        .session(admin)
                        .with(csrf())
                        .param("day", "2031-01-03")
                        .param("working", "false")
                        .param("note", "Перенос с 4 января 2031"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/desk/admin/calendar").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"calendar-transfers-missing\""))))
                .andExpect(content().string(not(containsString("calendar-transfers-nav"))));
        mvc.perform(get("/desk/admin/staff").session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(warning))));
    }
}
