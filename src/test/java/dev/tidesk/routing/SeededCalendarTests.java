package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The production calendar the migration seeds, as the SLA clocks read it. */
class SeededCalendarTests extends WebTest {

    @Autowired
    CalendarBook calendars;

    @Test
    void theRussianHolidaysOf2026AreDaysOffAndTheClockSkipsThem() {
        WorkingCalendar cal = calendars.calendar();
        assertThat(cal.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 9)))
                .as("transferred from 3 January")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 31)))
                .as("transferred from 4 January")
                .isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 8))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 11))).isTrue();
        ZoneId msk = ZoneId.of("Europe/Moscow");
        assertThat(cal.plus(LocalDateTime.parse("2025-12-31T16:00").atZone(msk).toInstant(), 240))
                .isEqualTo(LocalDateTime.parse("2026-01-12T11:00").atZone(msk).toInstant());
    }

    /**
     * 2027 by the Labour Code alone (art. 112): 1-8 January, 23 February, 8 March, 1 and 9 May, 12 June,
     * 4 November, and the automatic moves of part 2 (May 1 on a Saturday to Mon 3 May, May 9 on a Sunday
     * to Mon 10 May, June 12 on a Saturday to Mon 14 June; the January days on a weekend do not move).
     */
    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        "2027-01-01, false",
        "2027-01-04, false",
        "2027-01-07, false",
        "2027-01-08, false",
        "2027-01-11, true",
        "2027-02-22, true",
        "2027-02-23, false",
        "2027-03-08, false",
        "2027-03-09, true",
        "2027-04-30, true",
        "2027-05-03, false",
        "2027-05-04, true",
        "2027-05-10, false",
        "2027-05-11, true",
        "2027-06-11, true",
        "2027-06-14, false",
        "2027-06-15, true",
        "2027-11-04, false",
        "2027-11-05, true",
        "2027-12-31, true"
    })
    void theLabourCodeHolidaysOf2027AndTheirAutomaticMoves(LocalDate day, boolean working) {
        assertThat(calendars.calendar().isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void the2026DecreesTransfersStayStoredAndTheCodesDaysComeFromTheRule() {
        var days = calendars.days(2026);
        assertThat(days)
                .filteredOn(CalendarDay::stored)
                .extracting(d -> d.day().toString())
                .contains("2026-01-09", "2026-12-31")
                .doesNotContain("2026-03-09", "2026-05-11", "2026-02-23");
        assertThat(days)
                .filteredOn(d -> !d.stored())
                .extracting(d -> d.day() + " " + d.rule().movedFrom())
                .contains("2026-03-09 2026-03-08", "2026-05-11 2026-05-09", "2026-02-23 null", "2026-01-07 null");
        assertThat(calendars.days(2027))
                .filteredOn(CalendarDay::stored)
                .as("2027 has no decree entered")
                .isEmpty();
    }

    @Test
    void theClockSkipsTheMayHolidaysOf2027() {
        ZoneId msk = ZoneId.of("Europe/Moscow");
        assertThat(calendars
                        .calendar()
                        .plus(
                                LocalDateTime.parse("2027-04-30T17:00")
                                        .atZone(msk)
                                        .toInstant(),
                                120))
                .isEqualTo(LocalDateTime.parse("2027-05-04T10:00").atZone(msk).toInstant());
        assertThat(calendars
                        .calendar()
                        .plus(
                                LocalDateTime.parse("2027-06-11T17:30")
                                        .atZone(msk)
                                        .toInstant(),
                                60))
                .isEqualTo(LocalDateTime.parse("2027-06-15T09:30").atZone(msk).toInstant());
    }

    @Test
    void theAdminPageShows2027AndSaysTheDecreesTransfersMustBeEnteredThere() throws Exception {
        mvc.perform(get("/desk/admin/calendar")
                        .param("year", "2027")
                        .session(deskLogin(data.member(Role.ADMIN).email())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Перенос с 12 июня")))
                .andExpect(content().string(containsString("id=\"calendar-decree\"")))
                .andExpect(content().string(containsString("по постановлению Правительства на 2027 год")));
    }
}
