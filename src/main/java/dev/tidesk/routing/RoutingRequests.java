package dev.tidesk.routing;

import dev.tidesk.ticket.RequestAssigned;
import dev.tidesk.ticket.RequestCreated;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestStatusChanged;
import dev.tidesk.ticket.RequestUrgencyChanged;
import dev.tidesk.ticket.StaffReplied;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps one routing row per request in step with the request, inside the request's own
 * transaction: the queue's sort keys (urgency, due time, tier, age), whether it is queued, and
 * the SLA clocks.
 */
@Component
class RoutingRequests {

    private final JdbcTemplate jdbc;
    private final RequestQueries requests;
    private final ClientTermsBook terms;
    private final CalendarBook calendars;
    private final PersonalManagers managers;
    private final SlaWatch watch;
    private final Clock clock;

    RoutingRequests(
            JdbcTemplate jdbc,
            RequestQueries requests,
            ClientTermsBook terms,
            CalendarBook calendars,
            PersonalManagers managers,
            SlaWatch watch,
            Clock clock) {
        this.watch = watch;
        this.jdbc = jdbc;
        this.requests = requests;
        this.terms = terms;
        this.calendars = calendars;
        this.managers = managers;
        this.clock = clock;
    }

    record Row(long ticketId, Long heldForId, Instant heldUntil, SlaClock clock) {}

    @EventListener
    void on(RequestCreated event) {
        TicketView t = requests.ticket(event.ticketId());
        Optional<ClientTerms> clientTerms = terms.terms(t.organizationId());
        Integer frMinutes = clientTerms
                .map(ClientTerms::firstResponseHours)
                .map(h -> h * 60)
                .orElse(null);
        Integer resMinutes =
                clientTerms.map(ClientTerms::resolutionHours).map(h -> h * 60).orElse(null);
        SlaClock sla = SlaClock.start(t.createdAt(), frMinutes, resMinutes, calendars.calendar());
        PersonalManagers.Hold hold = managers.holdFor(clientTerms.orElse(null), t.createdAt());
        // filed as it stands, in one insert: a row written and then brought in line cost an update
        Filed f = filed(
                t,
                Instant.now(clock),
                new Row(t.id(), hold == null ? null : hold.managerId(), hold == null ? null : hold.until(), sla));
        List<Object> args = new ArrayList<>(java.util.Arrays.asList(
                t.id(),
                t.organizationId(),
                clientTerms.map(ClientTerms::tierRank).orElse(ClientTerms.ONE_OFF),
                ts(t.createdAt())));
        args.add(frMinutes);
        args.add(resMinutes);
        args.addAll(f.columns());
        jdbc.update("""
                insert into routing_request (ticket_id, organization_id, tier_rank, created_at, first_response_minutes,
                    resolution_minutes, %s)
                values (?, ?, ?, ?, ?, ?, %s)""".formatted(Filed.COLUMNS, "?, ".repeat(Filed.COUNT - 1) + "?"), args.toArray());
    }

    @EventListener
    void on(RequestAssigned event) {
        sync(event.ticketId());
    }

    @EventListener
    void on(RequestStatusChanged event) {
        sync(event.ticketId());
    }

    @EventListener
    void on(RequestUrgencyChanged event) {
        sync(event.ticketId());
    }

    @EventListener
    void on(StaffReplied event) {
        sync(event.ticketId());
    }

    void sync(long ticketId) {
        sync(requests.ticket(ticketId), Instant.now(clock));
    }

    /** Brings the routing row in line with the request as it stands now. */
    void sync(TicketView t, Instant now) {
        row(t.id()).ifPresent(row -> sync(t, now, row));
    }

    private void sync(TicketView t, Instant now, Row row) {
        List<Object> args = new ArrayList<>(filed(t, now, row).columns());
        args.add(t.id());
        jdbc.update(
                "update routing_request set (%s) = (%s) where ticket_id = ?"
                        .formatted(Filed.COLUMNS, "?, ".repeat(Filed.COUNT - 1) + "?"),
                args.toArray());
    }

    /** What the routing row of a request says as the request stands now. */
    record Filed(int urgencyRank, boolean queued, Long heldForId, Instant heldUntil, SlaClock sla) {

        /** The columns it sets, in the order of {@link #columns()}. */
        static final String COLUMNS = "urgency_rank, queued, held_for_id, held_until, due_at, breached_at,"
                + " first_response_due_at, resolution_due_at, first_response_at, paused_since, stopped_at";

        static final int COUNT = COLUMNS.split(",").length;

        /** The values of {@link #COLUMNS}. */
        List<Object> columns() {
            return java.util.Arrays.asList(
                    urgencyRank,
                    queued,
                    heldForId,
                    ts(heldUntil),
                    ts(sla.nextDue()),
                    ts(sla.breachedAt),
                    ts(sla.firstResponseDue),
                    ts(sla.resolutionDue),
                    ts(sla.firstResponseAt),
                    ts(sla.pausedSince),
                    ts(sla.stoppedAt));
        }
    }

    /** The routing row's state for the request as it stands: its SLA clock moved on, queued or held. */
    private Filed filed(TicketView t, Instant now, Row row) {
        SlaClock sla = row.clock();
        WorkingCalendar calendar = calendars.calendar();
        if (t.firstResponseAt() != null) {
            sla.responded(t.firstResponseAt());
        }
        if (!t.status().isOpen()) {
            sla.stop(now);
        } else {
            sla.reopen(now, calendar);
            if (t.status() == Status.WAITING_FOR_CLIENT || t.status() == Status.DEFERRED) {
                sla.pause(now);
            } else {
                sla.resume(now, calendar);
            }
        }
        watch.recordLate(t.id(), sla, now);
        Long heldFor = t.assigneeId() != null ? null : row.heldForId();
        boolean queued =
                t.assigneeId() == null && t.status().isOpen() && t.status() != Status.DEFERRED && heldFor == null;
        return new Filed(t.urgency().ordinal(), queued, heldFor, heldFor == null ? null : row.heldUntil(), sla);
    }

    /** Lets a held request into the general queue. */
    void release(long ticketId) {
        jdbc.update("update routing_request set held_for_id = null, held_until = null where ticket_id = ?", ticketId);
        sync(ticketId);
    }

    Optional<Row> row(long ticketId) {
        List<Row> rows = jdbc.query("""
                select ticket_id, held_for_id, held_until, first_response_due_at, resolution_due_at, first_response_at,
                       paused_since, stopped_at, breached_at
                from routing_request where ticket_id = ?""", RoutingRequests::mapRow, ticketId);
        return rows.stream().findFirst();
    }

    private static Row mapRow(ResultSet rs, int i) throws SQLException {
        return new Row(
                rs.getLong(1),
                (Long) rs.getObject(2),
                instant(rs, 3),
                new SlaClock(
                        instant(rs, 4),
                        instant(rs, 5),
                        instant(rs, 6),
                        instant(rs, 7),
                        instant(rs, 8),
                        instant(rs, 9)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }
}
