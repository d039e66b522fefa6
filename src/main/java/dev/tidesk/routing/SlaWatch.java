package dev.tidesk.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Watches the running SLA clocks: warns once per deadline shortly before it (an event the mail
 * module turns into mails to the assignee and the heads), and records every missed deadline in
 * {@code sla_breach} for reports. The warning is keyed on the deadline itself: when a pause moves
 * it, the new deadline is warned about again, but one deadline never twice. A missed deadline also
 * marks the routing row as past its SLA ({@code breached_at}), which lifts it in the queue.
 *
 * <p>One check warns about at most {@code tidesk.routing.sla-warnings-per-check} deadlines, the
 * earliest first; the next check goes on with the rest. Requests written overnight or at a weekend
 * share the morning's deadline, and a burst of thousands would otherwise become thousands of
 * warnings (each a mail to the assignee and to every head) in one transaction. Deadlines still
 * unwarned when they pass are recorded as missed like any other.
 */
@Service
public class SlaWatch {

    /** How many deadlines one check warns about unless configured otherwise. */
    public static final int WARNINGS_PER_CHECK = 100;

    private static final Logger log = LoggerFactory.getLogger(SlaWatch.class);

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration warnBefore;
    private final Counter warnings;
    private final Counter breachCount;
    private final int warningsPerCheck;

    SlaWatch(
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${tidesk.routing.sla-warning:PT1H}") Duration warnBefore,
            @Value("${tidesk.routing.sla-warnings-per-check:" + WARNINGS_PER_CHECK + "}") int warningsPerCheck,
            MeterRegistry registry) {
        this.warnings = Counter.builder("tidesk.sla.warnings")
                .description("SLA deadlines warned about shortly before them")
                .register(registry);
        this.breachCount = Counter.builder("tidesk.sla.breaches")
                .description("SLA deadlines missed (recorded once per request and kind)")
                .register(registry);
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.warnBefore = warnBefore;
        this.warningsPerCheck = warningsPerCheck;
    }

    @Scheduled(
            fixedDelayString = "${tidesk.routing.sla-check-interval:60s}",
            initialDelayString = "${tidesk.routing.sla-check-interval:60s}")
    @SchedulerLock(
            name = "routing-sla-watch",
            lockAtMostFor = "${tidesk.routing.sla-check-interval:60s}",
            lockAtLeastFor = "${tidesk.routing.sla-check-interval:60s}")
    @Transactional
    public void check() {
        check(Instant.now(clock));
    }

    /** Raises the warnings and records the breaches due at {@code now}; returns how many of each. */
    @Transactional
    public int[] check(Instant now) {
        var ts = RoutingRequests.ts(now);
        List<Object[]> warn = jdbc.query(
                """
                select r.ticket_id, r.due_at, t.assignee_id, r.first_response_at is null and r.first_response_due_at is not null
                from routing_request r join ticket_request_v t on t.id = r.ticket_id
                where r.stopped_at is null and r.due_at is not null and r.due_at > ? and r.due_at <= ?
                  and r.due_at is distinct from case when r.first_response_at is null and r.first_response_due_at is not null
                               then r.warned_first_response_due else r.warned_resolution_due end
                order by r.due_at, r.ticket_id
                limit ?
                for update of r skip locked""",
                (rs, i) ->
                        new Object[] {rs.getLong(1), RoutingRequests.instant(rs, 2), rs.getObject(3), rs.getBoolean(4)},
                ts,
                RoutingRequests.ts(now.plus(warnBefore)),
                warningsPerCheck);
        if (warn.size() == warningsPerCheck) {
            log.info(
                    "SLA watch: {} deadlines warned about, as many as one check does; the rest at the next check",
                    warn.size());
        }
        for (Object[] w : warn) {
            boolean first = (Boolean) w[3];
            jdbc.update(
                    "update routing_request set " + (first ? "warned_first_response_due" : "warned_resolution_due")
                            + " = ? where ticket_id = ?",
                    RoutingRequests.ts((Instant) w[1]),
                    w[0]);
            events.publishEvent(new SlaWarningRaised(
                    (Long) w[0],
                    first ? "FIRST_RESPONSE" : "RESOLUTION",
                    (Instant) w[1],
                    w[2] == null ? null : ((Number) w[2]).longValue()));
        }
        int breaches = jdbc.update("""
                insert into sla_breach (ticket_id, kind, due_at, recorded_at, assignee_id)
                select r.ticket_id,
                       case when r.first_response_at is null and r.first_response_due_at is not null
                            then 'FIRST_RESPONSE' else 'RESOLUTION' end,
                       r.due_at, ?, t.assignee_id
                from routing_request r join ticket_request_v t on t.id = r.ticket_id
                where r.stopped_at is null and r.due_at is not null and r.due_at <= ?
                  and not exists (select 1 from sla_breach b where b.ticket_id = r.ticket_id
                                    and b.kind = case when r.first_response_at is null and r.first_response_due_at is not null
                                                      then 'FIRST_RESPONSE' else 'RESOLUTION' end)
                on conflict (ticket_id, kind) do nothing""", ts, ts);
        // the queue lifts a request past its SLA within its urgency, the earliest breach first
        jdbc.update("""
                update routing_request set breached_at = due_at
                where stopped_at is null and due_at is not null and due_at <= ?
                  and (breached_at is null or breached_at > due_at)""", ts);
        afterCommit(warnings, warn.size());
        afterCommit(breachCount, breaches);
        return new int[] {warn.size(), breaches};
    }

    /** A deadline met late (the reply or the resolution came after it) is a breach too. */
    void recordLate(long ticketId, SlaClock sla, Instant now) {
        if (sla.firstResponseAt != null
                && sla.firstResponseDue != null
                && sla.firstResponseAt.isAfter(sla.firstResponseDue)) {
            record(ticketId, "FIRST_RESPONSE", sla.firstResponseDue, now);
        }
        if (sla.stoppedAt != null && sla.resolutionDue != null && sla.stoppedAt.isAfter(sla.resolutionDue)) {
            record(ticketId, "RESOLUTION", sla.resolutionDue, now);
        }
    }

    private void record(long ticketId, String kind, Instant due, Instant now) {
        int recorded = jdbc.update("""
                insert into sla_breach (ticket_id, kind, due_at, recorded_at, assignee_id)
                select ?, ?, ?, ?, assignee_id from ticket_request_v where id = ?
                on conflict (ticket_id, kind) do nothing""", ticketId, kind, RoutingRequests.ts(due), RoutingRequests.ts(now), ticketId);
        afterCommit(breachCount, recorded);
    }

    /** Counts once the transaction committed (at once outside one), so a rolled back check counts nothing. */
    private static void afterCommit(Counter counter, int amount) {
        if (amount <= 0) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment(amount);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment(amount);
            }
        });
    }

    /** The kinds of deadline this request missed (FIRST_RESPONSE, RESOLUTION). */
    public List<String> breaches(long ticketId) {
        return jdbc.queryForList(
                "select kind from sla_breach where ticket_id = ? order by kind", String.class, ticketId);
    }
}
