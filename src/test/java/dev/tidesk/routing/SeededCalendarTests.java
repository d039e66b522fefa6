package dev.tidesk.routing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import dev.tidesk.WebTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The production calendar the migration seeds, as the SLA clocks read it. */
class SeededCalendarTests extends WebTest {

    @Autowired
    CalendarBook calendars;

    @Test
    void theRussianHolidaysOf2026AreDaysOffAndTheClockSkipsThem() {
        WorkingCalendar cal = calendars.calendar();
        assertThat(cal.zone()).isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 9))).as("transferred from 3 January").isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 1, 12))).isTrue();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2026, 12, 31))).as("transferred from 4 January").isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 8))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.of(2027, 1, 11))).isTrue();
        ZoneId msk = ZoneId.of("Europe/Moscow");
        assertThat(cal.plus(LocalDateTime.parse("2025-12-31T16:00").atZone(msk).toInstant(), 240))
                .isEqualTo(LocalDateTime.parse("2026-01-12T11:00").atZone(msk).toInstant());
    }
}
