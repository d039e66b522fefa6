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
        TID("id"),
        SUBJECT("lower(subject)"),
        CLIENT("lower(organization_name)"),
        URGENCY("urgency_rank"),
        STATUS("status"),
        ASSIGNEE("lower(assignee_name)"),
        CREATED("created_at"),
        UPDATED("updated_at");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }
}
