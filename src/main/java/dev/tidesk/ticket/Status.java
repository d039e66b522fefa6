package dev.tidesk.ticket;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a request stands. {@link #canMoveTo(Status)} is the one table of allowed transitions.
 */
public enum Status {
    NEW,
    OPEN,
    IN_PROGRESS,
    WAITING_FOR_CLIENT,
    DEFERRED,
    RESOLVED,
    CLOSED;

    /** Finished requests: no one has to act on them, and they are in no queue. */
    public static final Set<Status> FINISHED = java.util.Collections.unmodifiableSet(EnumSet.of(RESOLVED, CLOSED));

    /** Finished or deferred to a later month: not waiting in the unassigned queue. */
    public static final Set<Status> OUT_OF_QUEUE =
            java.util.Collections.unmodifiableSet(EnumSet.of(DEFERRED, RESOLVED, CLOSED));

    /**
     * {@link #FINISHED} as an SQL list for queries over {@code ticket.status} (or the {@code status} of
     * the view {@code ticket_request_v}), {@code ('RESOLVED', 'CLOSED')}; the queue and report indexes
     * are partial on exactly this predicate ({@code StatusTests} keeps the migrations' spelling in step).
     * A literal, not a bind parameter, so that PostgreSQL can match those partial indexes.
     */
    public static final String FINISHED_SQL = sqlList(FINISHED.toArray(Status[]::new));

    /**
     * {@link #OUT_OF_QUEUE} as an SQL list, the finished ones first as {@code routing_queue_idx}'s
     * predicate (V300) spells them: {@code ('RESOLVED', 'CLOSED', 'DEFERRED')}.
     */
    public static final String OUT_OF_QUEUE_SQL = sqlList(RESOLVED, CLOSED, DEFERRED);

    private static final Map<Status, Set<Status>> ALLOWED = Map.of(
            NEW, EnumSet.of(OPEN, IN_PROGRESS, WAITING_FOR_CLIENT, DEFERRED, RESOLVED, CLOSED),
            OPEN, EnumSet.of(IN_PROGRESS, WAITING_FOR_CLIENT, DEFERRED, RESOLVED, CLOSED),
            IN_PROGRESS, EnumSet.of(OPEN, WAITING_FOR_CLIENT, DEFERRED, RESOLVED, CLOSED),
            WAITING_FOR_CLIENT, EnumSet.of(OPEN, IN_PROGRESS, RESOLVED, CLOSED),
            DEFERRED, EnumSet.of(OPEN, IN_PROGRESS, CLOSED),
            RESOLVED, EnumSet.of(OPEN, CLOSED),
            CLOSED, EnumSet.of(OPEN));

    public boolean canMoveTo(Status target) {
        return ALLOWED.get(this).contains(target);
    }

    public Set<Status> next() {
        return EnumSet.copyOf(ALLOWED.get(this));
    }

    /** These statuses as an SQL list of literals in the given order, such as {@code ('RESOLVED', 'CLOSED')}. */
    public static String sqlList(Status... statuses) {
        if (statuses.length == 0) {
            throw new IllegalArgumentException("An SQL list needs at least one status");
        }
        return java.util.Arrays.stream(statuses)
                .map(Status::sql)
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    /** This status as an SQL literal, such as {@code 'RESOLVED'}. */
    public String sql() {
        return "'" + name() + "'";
    }

    /** Open means someone still has to act: everything but resolved and closed. */
    public boolean isOpen() {
        return !FINISHED.contains(this);
    }

    /** The client-facing progress line: the step this status stands on (0..3). */
    public int progressStep() {
        return switch (this) {
            case NEW -> 0;
            case OPEN, DEFERRED -> 1;
            case IN_PROGRESS, WAITING_FOR_CLIENT -> 2;
            case RESOLVED, CLOSED -> 3;
        };
    }
}
