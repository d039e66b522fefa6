package dev.tidesk.routing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The non-working holidays of the Russian Federation for any year, by the rule of the Labour Code,
 * Article 112 (in the wording in force since 2013), and nothing else.
 * <p>
 * Part 1 lists the holidays: 1, 2, 3, 4, 5, 6 and 8 January, the New Year holidays (paragraph 2);
 * 7 January, Christmas (paragraph 3); 23 February; 8 March; 1 May; 9 May; 12 June; 4 November.
 * <p>
 * Part 2: "При совпадении выходного и нерабочего праздничного дней выходной день переносится на
 * следующий после праздничного рабочий день, за исключением выходных дней, совпадающих с нерабочими
 * праздничными днями, указанными в абзацах втором и третьем части первой настоящей статьи." So a
 * holiday of February to November that falls on a Saturday or Sunday gives a day off on the next
 * working day after it (Monday, or later when Monday is itself a holiday or already takes a moved
 * day off), while a Saturday or Sunday that coincides with a January holiday (1-8 January, Christmas
 * included) is not moved by the Code at all.
 * <p>
 * Part 5: those unmoved January days off are moved by the Government, which also moves other days
 * off, by a yearly decree. That is a decision, not a rule: admins enter the decree's transfers on the
 * calendar page, and what they enter overrides this rule day by day ({@link WorkingCalendar}).
 */
public final class LabourCode {

    /** The holidays of part 1; each has a name in the bundles ({@code calendar.holiday.<NAME>}). */
    public enum Holiday {
        NEW_YEAR,
        CHRISTMAS,
        DEFENDER_OF_THE_FATHERLAND,
        WOMENS_DAY,
        SPRING_AND_LABOUR,
        VICTORY,
        RUSSIA,
        UNITY
    }

    /**
     * A day off by the Code: the holiday itself ({@code movedFrom} null) or the working day that became
     * a day off because the holiday fell on a weekend ({@code movedFrom} is the holiday).
     */
    public record DayOff(LocalDate day, Holiday holiday, LocalDate movedFrom) {}

    private static final Map<MonthDay, Holiday> PART_ONE = Map.ofEntries(
            Map.entry(MonthDay.of(1, 1), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 2), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 3), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 4), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 5), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 6), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(1, 7), Holiday.CHRISTMAS),
            Map.entry(MonthDay.of(1, 8), Holiday.NEW_YEAR),
            Map.entry(MonthDay.of(2, 23), Holiday.DEFENDER_OF_THE_FATHERLAND),
            Map.entry(MonthDay.of(3, 8), Holiday.WOMENS_DAY),
            Map.entry(MonthDay.of(5, 1), Holiday.SPRING_AND_LABOUR),
            Map.entry(MonthDay.of(5, 9), Holiday.VICTORY),
            Map.entry(MonthDay.of(6, 12), Holiday.RUSSIA),
            Map.entry(MonthDay.of(11, 4), Holiday.UNITY));

    private static final Map<Integer, Map<LocalDate, DayOff>> YEARS = new ConcurrentHashMap<>();

    private LabourCode() {}

    /** The days off of {@code year} by the Code, in date order: the holidays and the days moved to. */
    public static List<DayOff> daysOff(int year) {
        return List.copyOf(byDay(year).values());
    }

    /** Whether the Code makes {@code day} a day off (a holiday, or a day a weekend holiday moved to). */
    public static boolean isDayOff(LocalDate day) {
        return byDay(day.getYear()).containsKey(day);
    }

    private static Map<LocalDate, DayOff> byDay(int year) {
        return YEARS.computeIfAbsent(year, LabourCode::compute);
    }

    private static Map<LocalDate, DayOff> compute(int year) {
        TreeMap<LocalDate, DayOff> days = new TreeMap<>();
        List<LocalDate> holidays = new ArrayList<>();
        PART_ONE.forEach((md, h) -> {
            LocalDate d = md.atYear(year);
            days.put(d, new DayOff(d, h, null));
            holidays.add(d);
        });
        holidays.sort(Comparator.naturalOrder());
        for (LocalDate holiday : holidays) {
            Holiday h = PART_ONE.get(MonthDay.from(holiday));
            // part 2: the exception of paragraphs 2 and 3 of part 1 (New Year holidays and Christmas)
            if (h == Holiday.NEW_YEAR || h == Holiday.CHRISTMAS || !weekend(holiday)) {
                continue;
            }
            // the next working day after the holiday: not a weekend, not a holiday, not already a moved day off
            LocalDate to = holiday.plusDays(1);
            while (weekend(to) || days.containsKey(to)) {
                to = to.plusDays(1);
            }
            days.put(to, new DayOff(to, h, holiday));
        }
        return java.util.Collections.unmodifiableMap(days);
    }

    private static boolean weekend(LocalDate day) {
        return Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY).contains(day.getDayOfWeek());
    }
}
