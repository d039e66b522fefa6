package dev.tidesk.routing;

import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * A resolved request that the client leaves unanswered closes by itself after
 * {@code tidesk.routing.auto-close-days} working days (5 unless configured) of the working calendar
 * (weekends, the Labour Code's holidays and the days admins entered): resolved on a Monday, it closes
 * on the Tuesday after next, once five whole working days have passed. A reply of the client reopens
 * the request before that (and resets the count). Each request closes in a transaction of its own, so
 * a client who replies at the same moment wins and the request stays open.
 */
@Service
public class AutoClose {

    private static final Logger log = LoggerFactory.getLogger(AutoClose.class);

    /** The most requests one run closes; the next run takes the rest. */
    static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final CalendarBook calendars;
    private final RequestDesk desk;
    private final Clock clock;
    private final int businessDays;

    AutoClose(
            JdbcTemplate jdbc,
            CalendarBook calendars,
            RequestDesk desk,
            Clock clock,
            @Value("${tidesk.routing.auto-close-days:5}") int businessDays) {
        this.jdbc = jdbc;
        this.calendars = calendars;
        this.desk = desk;
        this.clock = clock;
        this.businessDays = businessDays;
    }

    /** The job: closes what is due now. */
    @Scheduled(
            fixedDelayString = "${tidesk.routing.auto-close-interval:10m}",
            initialDelayString = "${tidesk.routing.auto-close-interval:10m}")
    @SchedulerLock(
            name = "routing-auto-close",
            lockAtMostFor = "${tidesk.routing.auto-close-interval:10m}",
            lockAtLeastFor = "${tidesk.routing.auto-close-interval:10m}")
    public void closeUnanswered() {
        close();
    }

    /** Closes what is due now; returns how many requests it closed. */
    int close() {
        if (businessDays <= 0) {
            return 0;
        }
        Instant now = Instant.now(clock);
        WorkingCalendar calendar = calendars.calendar();
        LocalDate today = LocalDate.ofInstant(now, calendar.zone());
        // N working days are at least N calendar days: only those resolved before that can be due
        List<Object[]> resolved = jdbc.query(
                "select id, resolved_at from ticket_request_v where status = " + Status.RESOLVED.sql()
                        + " and resolved_at < ? order by resolved_at limit ?",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant()},
                Timestamp.from(now.minus(java.time.Duration.ofDays(businessDays))),
                BATCH);
        int closed = 0;
        for (Object[] r : resolved) {
            LocalDate resolvedOn = LocalDate.ofInstant((Instant) r[1], calendar.zone());
            if (workingDaysBetween(calendar, resolvedOn, today, businessDays) < businessDays) {
                continue;
            }
            try {
                if (desk.closeUnanswered((Long) r[0], businessDays)) {
                    closed++;
                }
            } catch (OptimisticLockingFailureException e) {
                // someone changed it at this very moment (a client reply): theirs wins, the next run looks again
                log.debug("Request {} changed while closing; left for the next run", r[0]);
            }
        }
        return closed;
    }

    /** Whole working days after {@code from} and before {@code to}, counted up to {@code enough}. */
    static int workingDaysBetween(WorkingCalendar calendar, LocalDate from, LocalDate to, int enough) {
        int n = 0;
        for (LocalDate d = from.plusDays(1); d.isBefore(to) && n < enough; d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    public int businessDays() {
        return businessDays;
    }
}
