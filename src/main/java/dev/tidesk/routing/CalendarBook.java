package dev.tidesk.routing;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The installation's working calendar: the Labour Code's holidays of every year by rule
 * ({@link LabourCode}) and the days admins store, which override the rule (the Government decree's
 * transfers, changed hours of a day). Every new request and every SLA step
 * reads it, so it is kept for {@link #FRESH} after loading; an edit here drops the copy at once
 * (another node sees it within that time).
 */
@Service
@Transactional(readOnly = true)
public class CalendarBook {

    private final JdbcTemplate jdbc;
    private final Installation installation;
    private final java.time.Clock clock;

    CalendarBook(JdbcTemplate jdbc, Installation installation, java.time.Clock clock) {
        this.jdbc = jdbc;
        this.installation = installation;
        this.clock = clock;
    }

    static final Duration FRESH = Duration.ofSeconds(30);

    private record Loaded(WorkingCalendar calendar, long atNanos) {}

    private volatile Loaded loaded;

    public WorkingCalendar calendar() {
        Loaded l = loaded;
        if (l != null && System.nanoTime() - l.atNanos() < FRESH.toNanos()) {
            return l.calendar();
        }
        WorkingCalendar calendar = load();
        loaded = new Loaded(calendar, System.nanoTime());
        return calendar;
    }

    private WorkingCalendar load() {
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        jdbc.query("select day, working from routing_calendar_day", rs -> {
            exceptions.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
        });
        return jdbc.queryForObject(
                "select time_zone, work_start, work_end from routing_calendar where id = 1",
                (rs, i) -> new WorkingCalendar(
                        rs.getString(1) == null ? installation.timeZone() : ZoneId.of(rs.getString(1)),
                        rs.getObject(2, LocalTime.class),
                        rs.getObject(3, LocalTime.class),
                        exceptions,
                        true));
    }

    /** Drops the kept copy now and again once the editing transaction has ended. */
    private void changed() {
        loaded = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    loaded = null;
                }
            });
        }
    }

    /**
     * The days of {@code year} that differ from Monday to Friday, in date order: the Labour Code's
     * days off by rule, and the stored days (which override the rule on their day).
     */
    public List<CalendarDay> days(int year) {
        java.util.TreeMap<LocalDate, CalendarDay> days = new java.util.TreeMap<>();
        for (LabourCode.DayOff off : LabourCode.daysOff(year)) {
            days.put(off.day(), new CalendarDay(off.day(), false, null, false, off));
        }
        jdbc.query(
                "select day, working, note from routing_calendar_day where day between ? and ? order by day",
                rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    CalendarDay rule = days.get(day);
                    days.put(
                            day,
                            new CalendarDay(
                                    day, rs.getBoolean(2), rs.getString(3), true, rule == null ? null : rule.rule()));
                },
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return List.copyOf(days.values());
    }

    /**
     * The year whose decree transfers are missing, from 1 December: next year, while no day of it is
     * stored. Before December, or once a day of next year is entered, empty.
     */
    public java.util.Optional<Integer> transfersMissing() {
        LocalDate today = LocalDate.now(clock.withZone(installation.timeZone()));
        if (today.getMonth() != java.time.Month.DECEMBER) {
            return java.util.Optional.empty();
        }
        int next = today.getYear() + 1;
        Boolean entered = jdbc.queryForObject(
                "select exists (select 1 from routing_calendar_day where day between ? and ?)",
                Boolean.class,
                LocalDate.of(next, 1, 1),
                LocalDate.of(next, 12, 31));
        return Boolean.TRUE.equals(entered) ? java.util.Optional.empty() : java.util.Optional.of(next);
    }

    @Transactional
    public void setDay(LocalDate day, boolean working, String note) {
        jdbc.update("""
                insert into routing_calendar_day (day, working, note) values (?, ?, ?)
                on conflict (day) do update set working = excluded.working, note = excluded.note""", day, working, note == null || note.isBlank() ? null : note.strip());
        changed();
    }

    @Transactional
    public void removeDay(LocalDate day) {
        jdbc.update("delete from routing_calendar_day where day = ?", day);
        changed();
    }

    /** Sets the zone (blank: the installation's) and the working hours. */
    @Transactional
    public void setHours(String zone, LocalTime start, LocalTime end) {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new DomainException("error.calendar.hours", "Working hours must end after they start");
        }
        String z = zone == null || zone.isBlank() ? null : zone.strip();
        if (z != null) {
            try {
                ZoneId.of(z);
            } catch (RuntimeException e) {
                throw new DomainException("error.calendar.zone", "Unknown time zone " + z);
            }
        }
        jdbc.update(
                "update routing_calendar set time_zone = ?, work_start = ?, work_end = ? where id = 1", z, start, end);
        changed();
    }
}
