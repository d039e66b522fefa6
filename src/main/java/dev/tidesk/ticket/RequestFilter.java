package dev.tidesk.ticket;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a request list is narrowed to. Every part is optional. Conditions that other modules know
 * (a plan, a personal manager, an SLA state) arrive already turned into organization or request ids.
 *
 * @param statuses        any of these statuses; empty: all, closed and resolved included
 * @param organizationId  one client
 * @param siteId          one of its sites
 * @param assigneeId      one assignee
 * @param unassigned      nobody's (wins over {@code assigneeId})
 * @param organizationIds only these clients (a plan's or a manager's); null: no such condition
 * @param requestIds      only these requests (an SLA state's); null: no such condition
 * @param channel         how the request came in
 * @param urgency         its urgency
 * @param from            created on or after this day (the installation's zone)
 * @param to              created on or before this day
 * @param text            words of the subject, the contact or the client
 */
public record RequestFilter(
        Set<Status> statuses,
        Long organizationId,
        Long siteId,
        Long assigneeId,
        boolean unassigned,
        List<Long> organizationIds,
        List<Long> requestIds,
        Channel channel,
        Urgency urgency,
        LocalDate from,
        LocalDate to,
        String text) {

    public RequestFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        text = text == null || text.isBlank() ? null : text.strip();
    }

    /** The columns a list can be sorted by. */
    public enum Column {
        TID("id", false),
        SUBJECT("lower(subject)", false),
        CLIENT("lower(organization_name)", true),
        URGENCY("urgency_rank", false),
        STATUS("status", false),
        ASSIGNEE("lower(assignee_name)", true),
        CREATED("created_at", false),
        UPDATED("updated_at", false);

        final String sql;
        /** Only a column that may be empty says where the empty ones go: a NULLS clause on a column
         *  that can't be null would stop PostgreSQL from reading the order off an index. */
        final boolean nullable;

        Column(String sql, boolean nullable) {
            this.sql = sql;
            this.nullable = nullable;
        }
    }
}
