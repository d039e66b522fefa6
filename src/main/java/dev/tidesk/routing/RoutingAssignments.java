package dev.tidesk.routing;

import dev.tidesk.identity.Role;
import dev.tidesk.team.Availability;
import dev.tidesk.team.AvailabilityChanged;
import dev.tidesk.team.StaffDeactivated;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestCreated;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * What happens to a new request once it is saved: a note when the personal manager is away,
 * optional auto-assignment to the available agent with the least open load; every minute,
 * requests their manager has not taken in time enter the general queue with a note; and when a
 * manager goes away, the requests held for him enter it at once.
 */
@Component
class RoutingAssignments {

    private final RoutingRequests rows;
    private final ClientTermsBook terms;
    private final PersonalManagers managers;
    private final StaffDirectory staff;
    private final RequestDesk desk;
    private final RequestQueries requests;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final boolean autoAssign;

    RoutingAssignments(
            RoutingRequests rows,
            ClientTermsBook terms,
            PersonalManagers managers,
            StaffDirectory staff,
            RequestDesk desk,
            RequestQueries requests,
            JdbcTemplate jdbc,
            MessageSource messages,
            Clock clock,
            @Value("${tidesk.routing.auto-assign:false}") boolean autoAssign) {
        this.rows = rows;
        this.terms = terms;
        this.managers = managers;
        this.staff = staff;
        this.desk = desk;
        this.requests = requests;
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.autoAssign = autoAssign;
    }

    /**
     * Runs at the end of the transaction that opens the request, so that the request, its note and
     * its assignment commit together; by then {@link RoutingRequests} has filed it, and the request's
     * own events are published (a note saved while they still were would publish them again). It
     * used to run after the commit in a transaction of its own: two more commits and an event-log
     * row per request, the largest single cost of inbound mail.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RequestCreated event) {
        TicketView ticket = requests.ticket(event.ticketId());
        StaffView away =
                managers.awayManager(terms.terms(ticket.organizationId()).orElse(null));
        if (away != null) {
            desk.note(ticket.id(), Actor.system(), text("routing.note.managerAway", away.fullName()), List.of());
        }
        if (autoAssign) {
            autoAssign(ticket.id());
        }
    }

    /**
     * A personal manager who goes away does not keep his clients waiting out the hold: the requests
     * held for him enter the general queue at once, each with a note, in the transaction that changed
     * his availability.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(AvailabilityChanged event) {
        if (event.to() != Availability.AWAY) {
            return;
        }
        List<Long> held = jdbc.queryForList(
                "select ticket_id from routing_request where held_for_id = ? order by held_until for update",
                Long.class,
                event.staffId());
        for (long ticketId : held) {
            rows.release(ticketId);
            desk.note(ticketId, Actor.system(), text("routing.note.managerWentAway", event.fullName()), List.of());
        }
    }

    /**
     * A colleague who leaves keeps nothing: each of their open requests goes back to the queue with a
     * note saying why (its history records the assignee's change), and the requests held for them as
     * a personal manager enter the general queue, in the transaction that deactivated them.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(StaffDeactivated event) {
        List<Long> assigned = jdbc.queryForList(
                "select id from ticket_request_v where assignee_id = ? and status not in " + Status.FINISHED_SQL
                        + " order by id for update",
                Long.class,
                event.staffId());
        Actor by = new Actor(event.by(), null, null);
        for (long ticketId : assigned) {
            desk.assign(ticketId, null, null, by);
            desk.note(ticketId, Actor.system(), text("routing.note.staffDeactivated", event.fullName()), List.of());
        }
        List<Long> held = jdbc.queryForList(
                "select ticket_id from routing_request where held_for_id = ? order by held_until for update",
                Long.class,
                event.staffId());
        for (long ticketId : held) {
            rows.release(ticketId);
            desk.note(ticketId, Actor.system(), text("routing.note.managerDeactivated", event.fullName()), List.of());
        }
    }

    /** Gives a queued request to the available agent with the fewest open requests. */
    void autoAssign(long ticketId) {
        List<Long> locked = jdbc.queryForList(
                "select ticket_id from routing_request where ticket_id = ? and queued for update skip locked",
                Long.class,
                ticketId);
        if (locked.isEmpty()) {
            return;
        }
        Map<Long, Long> load = new HashMap<>();
        jdbc.query(
                "select assignee_id, count(*) from ticket_request_v where assignee_id is not null and status not in "
                        + Status.FINISHED_SQL + " group by assignee_id",
                rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        staff.everyone().stream()
                .filter(s -> s.role() == Role.AGENT && s.availability() == Availability.AVAILABLE)
                .min(Comparator.<StaffView>comparingLong(s -> load.getOrDefault(s.id(), 0L))
                        .thenComparingLong(StaffView::id))
                .ifPresent(agent -> desk.assign(ticketId, agent.id(), agent.fullName(), Actor.system()));
    }

    @Scheduled(fixedDelayString = "${tidesk.routing.hold-check-interval:60s}")
    @SchedulerLock(
            name = "routing-hold-release",
            lockAtMostFor = "${tidesk.routing.hold-check-interval:60s}",
            lockAtLeastFor = "${tidesk.routing.hold-check-interval:60s}")
    @Transactional
    public void releaseOverdueHolds() {
        releaseOverdueHolds(Instant.now(clock));
    }

    /** Requests held for a personal manager past their time go to the general queue, with a note. */
    @Transactional
    public int releaseOverdueHolds(Instant now) {
        List<Long> due = jdbc.queryForList("""
                select ticket_id from routing_request where held_for_id is not null and held_until <= ?
                order by held_until for update skip locked""", Long.class, RoutingRequests.ts(now));
        for (long ticketId : due) {
            rows.release(ticketId);
            desk.note(
                    ticketId,
                    Actor.system(),
                    text("routing.note.managerLate", managers.holdTime().toMinutes()),
                    List.of());
        }
        return due.size();
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, java.util.Locale.forLanguageTag("ru"));
    }
}
