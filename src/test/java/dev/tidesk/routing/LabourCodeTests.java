package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Labour Code's holidays by rule (art. 112), against dates checked by hand on a printed calendar.
 * Each year: the holidays of part 1 are always off; the moves of part 2 are listed as "day<holiday".
 */
class LabourCodeTests {

    @ParameterizedTest(name = "{0}: moved {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // 2026: 8 March on a Sunday -> Mon 9 March; 9 May on a Saturday -> Mon 11 May; 3-4 January not moved
                "2026 | 03-09<03-08 05-11<05-09",
                // 2027: 1 May Sat -> Mon 3 May, 9 May Sun -> Mon 10 May, 12 June Sat -> Mon 14 June
                "2027 | 05-03<05-01 05-10<05-09 06-14<06-12",
                // 2028: 4 November on a Saturday -> Mon 6 November; 1 January a Saturday, not moved
                "2028 | 11-06<11-04",
                // 2029: 4 November on a Sunday -> Mon 5 November; 7 January a Sunday, not moved
                "2029 | 11-05<11-04",
                // 2030: 23 February on a Saturday -> Mon 25 February
                "2030 | 02-25<02-23",
                // 2031: 23 February Sun -> Mon 24 February, 8 March Sat -> Mon 10 March
                "2031 | 02-24<02-23 03-10<03-08",
                // 2033: 1 May Sun -> Mon 2 May; 9 May a Monday, not moved; 12 June Sun -> Mon 13 June
                "2033 | 05-02<05-01 06-13<06-12",
                // 2034: 1 January Sun and 7 January Sat are not moved by the Code; 4 November Sat -> Mon 6 November
                "2034 | 11-06<11-04"
            })
    void theHolidaysAndTheirAutomaticMoves(int year, String moves) {
        List<String> expectedMoves = Arrays.stream(moves.split(" "))
                .map(m -> year + "-" + m.replace("<", "<" + year + "-"))
                .toList();
        List<LabourCode.DayOff> off = LabourCode.daysOff(year);
        assertThat(off.stream().filter(d -> d.movedFrom() != null).map(d -> d.day() + "<" + d.movedFrom()))
                .containsExactlyElementsOf(expectedMoves);
        assertThat(off.stream()
                        .filter(d -> d.movedFrom() == null)
                        .map(d -> d.day().toString().substring(5)))
                .containsExactly(
                        "01-01", "01-02", "01-03", "01-04", "01-05", "01-06", "01-07", "01-08", "02-23", "03-08",
                        "05-01", "05-09", "06-12", "11-04");
        assertThat(off).extracting(LabourCode.DayOff::day).isSorted();
    }

    static final WorkingCalendar BY_RULE =
            new WorkingCalendar(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of(), true);

    @ParameterizedTest(name = "{0} is a working day: {1}")
    @CsvSource({
        // the days around the moves, and the January days the Code leaves alone
        "2028-01-10, true",
        "2028-11-03, true",
        "2028-11-06, false",
        "2028-11-07, true",
        "2029-01-09, true",
        "2029-11-05, false",
        "2029-11-06, true",
        "2030-02-22, true",
        "2030-02-25, false",
        "2030-02-26, true",
        "2030-01-09, true",
        "2031-02-24, false",
        "2031-02-25, true",
        "2031-03-07, true",
        "2031-03-10, false",
        "2031-03-11, true",
        "2031-01-08, false",
        "2031-01-09, true",
        "2031-12-31, true",
        "2033-05-02, false",
        "2033-05-03, true",
        "2033-05-09, false",
        "2033-05-10, true",
        "2033-06-13, false",
        "2033-01-10, true",
        "2034-01-09, true",
        "2034-11-06, false"
    })
    void aCalendarByRuleKnowsAnyYear(LocalDate day, boolean working) {
        assertThat(BY_RULE.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void storedDaysOverrideTheRuleAndACalendarWithoutTheRuleIgnoresIt() {
        LocalDate victoryMoved = LocalDate.of(2033, 6, 13);
        WorkingCalendar decree = new WorkingCalendar(
                BY_RULE.zone(),
                BY_RULE.start(),
                BY_RULE.end(),
                Map.of(victoryMoved, true, LocalDate.of(2033, 1, 10), false),
                true);
        assertThat(decree.isWorkingDay(victoryMoved)).isTrue();
        assertThat(decree.isWorkingDay(LocalDate.of(2033, 1, 10))).isFalse();
        assertThat(new WorkingCalendar(BY_RULE.zone(), BY_RULE.start(), BY_RULE.end(), Map.of())
                        .isWorkingDay(victoryMoved))
                .isTrue();
    }
}
