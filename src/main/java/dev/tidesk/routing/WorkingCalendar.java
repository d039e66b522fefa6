package dev.tidesk.routing;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;

/**
 * Business time: working hours on working days in one time zone. A day is working when it is
 * Monday to Friday and, with {@code labourCode}, not a day off by the Labour Code's rule
 * ({@link LabourCode}: the holidays of every year and their automatic moves), unless the stored
 * exceptions say otherwise: they override both (the Government decree's transfers, a transferred
 * working Saturday, a day an admin sets by hand).
 */
public record WorkingCalendar(
        ZoneId zone, LocalTime start, LocalTime end, Map<LocalDate, Boolean> exceptions, boolean labourCode) {

    private static final int MAX_DAYS = 3660;

    public WorkingCalendar {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Working hours end before they start");
        }
        exceptions = Map.copyOf(exceptions);
    }

    /** Monday to Friday and the given exceptions only, without the Labour Code's holidays. */
    public WorkingCalendar(ZoneId zone, LocalTime start, LocalTime end, Map<LocalDate, Boolean> exceptions) {
        this(zone, start, end, exceptions, false);
    }

    public boolean isWorkingDay(LocalDate day) {
        Boolean exception = exceptions.get(day);
        if (exception != null) {
            return exception;
        }
        if (labourCode && LabourCode.isDayOff(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The moment when {@code minutes} of working time have passed after {@code from}. */
    public Instant plus(Instant from, long minutes) {
        long left = minutes * 60;
        ZonedDateTime at = from.atZone(zone);
        LocalDate day = at.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(start).atZone(zone);
            ZonedDateTime close = day.atTime(end).atZone(zone);
            ZonedDateTime begin = at.isAfter(open) ? at : open;
            if (!begin.isBefore(close)) {
                continue;
            }
            long available = Duration.between(begin, close).getSeconds();
            if (left <= available) {
                return begin.plusSeconds(left).toInstant();
            }
            left -= available;
        }
        throw new IllegalStateException("No working time within ten years after " + from);
    }

    /** Working minutes between two moments (0 when {@code to} is not after {@code from}). */
    public long minutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long seconds = 0;
        ZonedDateTime a = from.atZone(zone);
        ZonedDateTime b = to.atZone(zone);
        for (LocalDate day = a.toLocalDate(); !day.isAfter(b.toLocalDate()); day = day.plusDays(1)) {
            if (!isWorkingDay(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(start).atZone(zone);
            ZonedDateTime close = day.atTime(end).atZone(zone);
            ZonedDateTime begin = a.isAfter(open) ? a : open;
            ZonedDateTime finish = b.isBefore(close) ? b : close;
            if (finish.isAfter(begin)) {
                seconds += Duration.between(begin, finish).getSeconds();
            }
        }
        return seconds / 60;
    }
}
