package dev.tidesk.routing;

import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.Urgency;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The priority order of open, unassigned requests, computed by PostgreSQL on an index:
 * subscribers before one-off clients whatever the urgency (the seed: a client without a plan is
 * "last in the queue", because subscribers pay for reserved people), then urgency; within an
 * urgency, requests past their SLA first (the earliest missed deadline first), then the SLA due
 * time (none last), plan tier, age, id. A missed deadline lies in the past and a running one in the
 * future, so one key, {@code coalesce(breached_at, due_at)}, orders both ({@link SlaClock#queueKey()}).
 */
@Service
@Transactional(readOnly = true)
public class RoutingQueue {

    static final String ORDER = " order by (r.tier_rank = " + ClientTerms.ONE_OFF
            + "), r.urgency_rank, coalesce(r.breached_at, r.due_at), r.tier_rank, r.created_at, r.ticket_id";
    // The ticket is read in a lateral subquery that PostgreSQL may not flatten (offset 0): the plan
    // then walks routing_queue_idx in queue order and reads one ticket per row until the page is full
    // (1 ms on a million requests), where a plain join chose a hash join and a sort of every queued
    // request (10-20 ms) from its poor estimate of the ticket filters.
    static final String SELECT = """
            select r.ticket_id, t.tid, t.subject, t.organization_name, t.contact_name, t.urgency, t.status,
                   r.created_at, r.due_at, r.tier_rank, r.paused_since is not null as paused, r.breached_at
            from routing_request r cross join lateral (
                select t.tid, t.subject, t.organization_name, t.contact_name, t.urgency, t.status, t.assignee_id
                from ticket_request_v t where t.id = r.ticket_id offset 0) t
            """;
    static final String QUEUED =
            " where r.queued and t.assignee_id is null" + " and t.status not in " + Status.OUT_OF_QUEUE_SQL;

    private final JdbcTemplate jdbc;
    private final RequestDesk desk;
    private final Clock clock;
    private final Duration warnBefore;

    RoutingQueue(
            JdbcTemplate jdbc,
            RequestDesk desk,
            Clock clock,
            @Value("${tidesk.routing.sla-warning:PT1H}") Duration warnBefore,
            MeterRegistry registry) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.clock = clock;
        this.warnBefore = warnBefore;
        this.takeNextTimer = Timer.builder("tidesk.take_next")
                .description("How long take-next takes to find and assign the top request")
                .register(registry);
        Gauge.builder("tidesk.queue.size", this, RoutingQueue::sizeCapped)
                .description("Open unassigned requests in the queue (capped at " + SIZE_CAP + ")")
                .strongReference(true)
                .register(registry);
    }

    /** The queue gauge counts up to this: it walks the queue index and stops there. */
    static final int SIZE_CAP = 10_000;

    private final Timer takeNextTimer;

    /** Open unassigned requests in the queue, counted up to {@link #SIZE_CAP}; asked when metrics are scraped. */
    double sizeCapped() {
        Integer count = jdbc.queryForObject(
                "select count(*) from (select 1 from routing_request r join ticket_request_v t on t.id = r.ticket_id"
                        + QUEUED + " limit ?) q",
                Integer.class,
                SIZE_CAP);
        return count == null ? 0 : count;
    }

    /** A page of the queue, best first, and whether another follows. */
    public Slice<QueueEntry> page(int page, int size) {
        // a page number from the address bar: past the millionth row there is nothing to show anyway
        int number = Math.min(Math.max(page, 0), 1_000_000 / Math.max(size, 1));
        int offset = number * size;
        List<Raw> rows = jdbc.query(SELECT + QUEUED + ORDER + " limit ? offset ?", this::map, size + 1, offset);
        boolean more = rows.size() > size;
        return new SliceImpl<>(
                entries(more ? rows.subList(0, size) : rows, offset), PageRequest.of(number, size), more);
    }

    /** The given requests in queue order (those not in the queue are left out). */
    public List<QueueEntry> order(Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return List.of();
        }
        Long[] ids = ticketIds.toArray(Long[]::new);
        return entries(
                jdbc.query(
                        con -> {
                            var ps = con.prepareStatement(SELECT + QUEUED + " and r.ticket_id = any (?)" + ORDER);
                            ps.setArray(1, con.createArrayOf("bigint", ids));
                            return ps;
                        },
                        this::map),
                0);
    }

    /**
     * The personal manager a request is held for right now, if any. Read by the primary key and
     * tested here: with {@code held_for_id is not null} in the SQL, PostgreSQL took the small partial
     * index of held requests and tested every held row for the id (15 ms a new request once a
     * Premium client had 22,000 of them).
     */
    public Optional<Long> managerHolding(long ticketId) {
        return jdbc
                .queryForList("select held_for_id from routing_request where ticket_id = ?", Long.class, ticketId)
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** Open requests held for this personal manager, oldest first. */
    public List<QueueEntry> heldFor(long managerId) {
        return entries(
                jdbc.query(
                        SELECT + " where r.held_for_id = ? and t.assignee_id is null" + " and t.status not in "
                                + Status.FINISHED_SQL + ORDER,
                        this::map,
                        managerId),
                0);
    }

    /**
     * Gives the top request to this staff member. Rows another agent is taking right now are
     * skipped (FOR UPDATE SKIP LOCKED), so two agents never get the same request.
     *
     * @return the TID taken, or empty when the queue is empty
     */
    @Transactional
    public Optional<String> takeNext(long staffId, String staffName) {
        Timer.Sample sample = Timer.start();
        try {
            return take(staffId, staffName);
        } finally {
            sample.stop(takeNextTimer);
        }
    }

    private Optional<String> take(long staffId, String staffName) {
        List<Long> top = jdbc.queryForList(
                "select r.ticket_id from routing_request r join ticket_request_v t on t.id = r.ticket_id" + QUEUED
                        + ORDER + " limit 1 for update of r skip locked",
                Long.class);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        long ticketId = top.get(0);
        desk.assign(ticketId, staffId, staffName, Actor.staff(staffId, staffName));
        return Optional.of(
                jdbc.queryForObject("select tid from ticket_request_v where id = ?", String.class, ticketId));
    }

    private Raw map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Raw(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                Urgency.valueOf(rs.getString(6)),
                Status.valueOf(rs.getString(7)),
                RoutingRequests.instant(rs, 8),
                RoutingRequests.instant(rs, 9),
                rs.getInt(10),
                rs.getBoolean(11),
                RoutingRequests.instant(rs, 12));
    }

    record Raw(
            long ticketId,
            String tid,
            String subject,
            String organizationName,
            String contactName,
            Urgency urgency,
            Status status,
            Instant createdAt,
            Instant dueAt,
            int tierRank,
            boolean paused,
            Instant breachedAt) {

        /** What the row is sorted on within its urgency: the missed deadline, else the running one. */
        Instant slaKey() {
            return breachedAt != null ? breachedAt : dueAt;
        }

        /** Past its SLA: a deadline missed (seen by the SLA watch, or one that passed since it looked). */
        boolean breached(Instant now) {
            return slaKey() != null && !slaKey().isAfter(now);
        }
    }

    private List<QueueEntry> entries(List<Raw> rows, int offset) {
        Instant now = Instant.now(clock);
        List<QueueEntry> out = new ArrayList<>(rows.size());
        Raw previous = null;
        for (Raw r : rows) {
            out.add(new QueueEntry(
                    offset + out.size() + 1,
                    r.ticketId(),
                    r.tid(),
                    r.subject(),
                    r.organizationName(),
                    r.contactName(),
                    r.urgency(),
                    r.status(),
                    r.createdAt(),
                    r.slaKey(),
                    r.tierRank(),
                    r.paused(),
                    slaState(r.slaKey(), now),
                    decidedBy(previous, r, now)));
            previous = r;
        }
        return out;
    }

    /**
     * The requests whose running SLA clock is in this state now (in time, warned or breached): the
     * request filters' "SLA" choice. Stopped and paused clocks are in none.
     */
    public List<Long> requestsInSlaState(SlaState state) {
        Instant now = Instant.now(clock);
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        java.sql.Timestamp warn = java.sql.Timestamp.from(now.plus(warnBefore));
        String base =
                "select ticket_id from routing_request where stopped_at is null and paused_since is null and due_at is not null and ";
        return switch (state) {
            case BREACHED -> jdbc.queryForList(base + "due_at <= ?", Long.class, at);
            case WARNING -> jdbc.queryForList(base + "due_at > ? and due_at <= ?", Long.class, at, warn);
            case OK -> jdbc.queryForList(base + "due_at > ?", Long.class, warn);
            case NONE -> List.of();
        };
    }

    SlaState slaState(Instant due, Instant now) {
        if (due == null) {
            return SlaState.NONE;
        }
        if (!due.isAfter(now)) {
            return SlaState.BREACHED;
        }
        return due.isAfter(now.plus(warnBefore)) ? SlaState.OK : SlaState.WARNING;
    }

    /**
     * The first sort key in which {@code row} differs from the row above it: "first", "oneoff",
     * "urgency", then within an urgency "breach" (both past their SLA, this one missed its deadline
     * later), "intime" (the first row still in time below those past their SLA), "due" (a later
     * deadline), "nodue" (no running deadline), then "tier" and "age".
     */
    static String decidedBy(Raw above, Raw row, Instant now) {
        if (above == null) {
            return "first";
        }
        if (above.tierRank() != ClientTerms.ONE_OFF && row.tierRank() == ClientTerms.ONE_OFF) {
            return "oneoff";
        }
        if (above.urgency() != row.urgency()) {
            return "urgency";
        }
        if (!Objects.equals(above.slaKey(), row.slaKey())) {
            if (row.slaKey() == null) {
                return row.tierRank() == ClientTerms.ONE_OFF ? "oneoff" : "nodue";
            }
            if (above.breached(now)) {
                return row.breached(now) ? "breach" : "intime";
            }
            return "due";
        }
        if (above.tierRank() != row.tierRank()) {
            return row.tierRank() == ClientTerms.ONE_OFF ? "oneoff" : "tier";
        }
        return "age";
    }
}
