package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingCalendarTests {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ZoneId VLADIVOSTOK = ZoneId.of("Asia/Vladivostok");
    static final LocalTime NINE = LocalTime.of(9, 0);
    static final LocalTime SIX = LocalTime.of(18, 0);

    /** The 2026 New Year holidays as the migration seeds them, and a made-up working Saturday. */
    static final Map<LocalDate, Boolean> RU_2026 = Map.of(
            LocalDate.of(2026, 1, 1),
            false,
            LocalDate.of(2026, 1, 2),
            false,
            LocalDate.of(2026, 1, 5),
            false,
            LocalDate.of(2026, 1, 6),
            false,
            LocalDate.of(2026, 1, 7),
            false,
            LocalDate.of(2026, 1, 8),
            false,
            LocalDate.of(2026, 1, 9),
            false,
            LocalDate.of(2026, 12, 31),
            false,
            LocalDate.of(2026, 11, 7),
            true);

    static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @ParameterizedTest(name = "{0} + {1} working min = {2} ({3})")
    @CsvSource({
        // within a day
        "2026-03-03T10:00, 120, 2026-03-03T12:00, Europe/Moscow",
        // before opening starts at 09:00
        "2026-03-03T07:30, 60, 2026-03-03T10:00, Europe/Moscow",
        // after closing continues next morning
        "2026-03-03T19:00, 60, 2026-03-04T10:00, Europe/Moscow",
        // across a weekend: Friday 17:00 + 2 h = 1 h on Friday and 1 h on Monday
        "2026-03-06T17:00, 120, 2026-03-09T10:00, Europe/Moscow",
        // Friday 17:00 + 2 h, but Monday 9 March 2026 is the transferred 8 March: Tuesday 10:00
        "2026-03-06T17:00, 120, 2026-03-10T10:00, RU",
        // across the New Year holidays: 30 Dec 17:00 + 4 h = 31 Dec (working in 2025) 12:00
        "2025-12-30T17:00, 240, 2025-12-31T12:00, RU",
        // 31 Dec 2025 16:00 + 4 h: holidays 1-11 Jan 2026 (9 Jan transferred from 3 Jan) -> 12 Jan 11:00
        "2025-12-31T16:00, 240, 2026-01-12T11:00, RU",
        // a transferred working Saturday counts: Friday 6 Nov 17:00 + 2 h = Saturday 7 Nov 10:00
        "2026-11-06T17:00, 120, 2026-11-07T10:00, RU",
        // a full day: 9 h
        "2026-03-03T09:00, 540, 2026-03-03T18:00, Europe/Moscow",
    })
    void addsWorkingTime(String from, long minutes, String expected, String calendar) {
        WorkingCalendar cal = "RU".equals(calendar)
                ? new WorkingCalendar(MOSCOW, NINE, SIX, withMarch(RU_2026))
                : new WorkingCalendar(ZoneId.of(calendar), NINE, SIX, Map.of());
        Instant due = cal.plus(at(from, cal.zone()), minutes);
        assertThat(due).isEqualTo(at(expected, cal.zone()));
        assertThat(cal.minutesBetween(at(from, cal.zone()), due)).isEqualTo(minutes);
    }

    private static Map<LocalDate, Boolean> withMarch(Map<LocalDate, Boolean> days) {
        var all = new java.util.HashMap<>(days);
        all.put(LocalDate.of(2026, 3, 9), false);
        return all;
    }

    @Test
    void theSameMomentIsWorkingInOneZoneAndNotInAnother() {
        WorkingCalendar moscow = new WorkingCalendar(MOSCOW, NINE, SIX, Map.of());
        WorkingCalendar vladivostok = new WorkingCalendar(VLADIVOSTOK, NINE, SIX, Map.of());
        // Tuesday 3 March 2026, 12:00 in Moscow is 19:00 in Vladivostok (UTC+10): after hours there
        Instant noonMoscow = at("2026-03-03T12:00", MOSCOW);
        assertThat(moscow.plus(noonMoscow, 60)).isEqualTo(at("2026-03-03T13:00", MOSCOW));
        assertThat(vladivostok.plus(noonMoscow, 60)).isEqualTo(at("2026-03-04T10:00", VLADIVOSTOK));
        // Friday 10:00 in Vladivostok is Friday 03:00 in Moscow: 2 working hours are 12:00 there,
        // but in Moscow the same request is due at 11:00 Moscow time
        Instant fridayMorningEast = at("2026-03-06T10:00", VLADIVOSTOK);
        assertThat(vladivostok.plus(fridayMorningEast, 120)).isEqualTo(at("2026-03-06T12:00", VLADIVOSTOK));
        assertThat(moscow.plus(fridayMorningEast, 120)).isEqualTo(at("2026-03-06T11:00", MOSCOW));
    }

    @Test
    void aWeekendInBetweenCountsNothing() {
        WorkingCalendar cal = new WorkingCalendar(MOSCOW, NINE, SIX, Map.of());
        assertThat(cal.minutesBetween(at("2026-03-06T18:00", MOSCOW), at("2026-03-09T09:00", MOSCOW)))
                .isZero();
        assertThat(cal.minutesBetween(at("2026-03-06T17:00", MOSCOW), at("2026-03-09T10:00", MOSCOW)))
                .isEqualTo(120);
    }

    @Test
    void theClockPausesWhileTheRequestWaitsForTheClient() {
        WorkingCalendar cal = new WorkingCalendar(MOSCOW, NINE, SIX, Map.of());
        // Premium: first response in 2 h, resolution in 9 working hours, from Tuesday 10:00
        SlaClock clock = SlaClock.start(at("2026-03-03T10:00", MOSCOW), 120, 540, cal);
        assertThat(clock.nextDue()).isEqualTo(at("2026-03-03T12:00", MOSCOW));
        clock.responded(at("2026-03-03T11:00", MOSCOW));
        assertThat(clock.nextDue()).isEqualTo(at("2026-03-04T10:00", MOSCOW));
        // waits for the client from 14:00 Tuesday (5 working hours left) until Thursday 15:00
        clock.pause(at("2026-03-03T14:00", MOSCOW));
        assertThat(clock.nextDue()).isNull();
        clock.resume(at("2026-03-05T15:00", MOSCOW), cal);
        // 5 working hours after Thursday 15:00: 3 h on Thursday, 2 h on Friday
        assertThat(clock.nextDue()).isEqualTo(at("2026-03-06T11:00", MOSCOW));
    }

    @Test
    void aResolvedRequestStopsAndAReopenedOneGoesOnWithTheTimeThatWasLeft() {
        WorkingCalendar cal = new WorkingCalendar(MOSCOW, NINE, SIX, Map.of());
        SlaClock clock = SlaClock.start(at("2026-03-03T10:00", MOSCOW), null, 240, cal);
        clock.stop(at("2026-03-03T12:00", MOSCOW));
        assertThat(clock.nextDue()).isNull();
        clock.reopen(at("2026-03-04T09:00", MOSCOW), cal);
        assertThat(clock.nextDue()).isEqualTo(at("2026-03-04T11:00", MOSCOW));
    }
}
