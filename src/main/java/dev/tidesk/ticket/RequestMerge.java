package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges a request into another, the survivor, in one transaction: the conversation, its files and
 * the history move here; every other module moves its rows (norm-hours, tasks, deferrals, mail
 * threading) on {@link RequestsMerged}; the merged request closes and points at the survivor
 * ({@code merged_into}), which {@link RequestQueries#survivor} follows for mail, portal and API.
 */
@Service
@Transactional
public class RequestMerge {

    private final TicketRepository tickets;
    private final Conversation conversation;
    private final RequestQueries queries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequestMerge(
            TicketRepository tickets,
            Conversation conversation,
            RequestQueries queries,
            JdbcTemplate jdbc,
            Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.queries = queries;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What merging the request into the one with {@code survivorTid} would move; refused as the merge would be. */
    @Transactional(readOnly = true)
    public MergePlan plan(long mergedId, String survivorTid) {
        Ticket merged = load(mergedId);
        Ticket survivor = survivor(survivorTid);
        merged.checkMergeInto(survivor);
        return new MergePlan(
                merged.view(),
                survivor.view(),
                count("ticket_message", mergedId),
                count("ticket_attachment", mergedId),
                count("ticket_history", mergedId));
    }

    /** Merges the request into the one with {@code survivorTid}; returns the survivor. */
    public TicketView merge(long mergedId, String survivorTid, Actor actor) {
        Ticket merged = load(mergedId);
        Ticket survivor = survivor(survivorTid);
        merged.checkMergeInto(survivor);
        Instant now = Instant.now(clock);
        // the request's own rows first, so that its new history entries (merged, closed) stay on it
        for (String table : new String[] {"ticket_message", "ticket_attachment", "ticket_history"}) {
            jdbc.update("update " + table + " set ticket_id = ? where ticket_id = ?", survivor.getId(), mergedId);
        }
        // whoever was copied on the merged request keeps getting the client's mail
        jdbc.update("""
                insert into request_cc (ticket_id, address, name, contact_id, added_at)
                select ?, address, name, contact_id, added_at from request_cc where ticket_id = ?
                on conflict do nothing""", survivor.getId(), mergedId);
        merged.mergeInto(survivor, actor, now);
        finish(merged);
        finish(survivor);
        return survivor.view();
    }

    private Ticket survivor(String tid) {
        return tickets.findByTid(queries.normalizeTid(tid))
                .orElseThrow(() -> new DomainException(
                        "error.merge.unknown", "No request " + tid, tid == null ? "" : tid.strip()));
    }

    private int count(String table, long ticketId) {
        Integer n =
                jdbc.queryForObject("select count(*) from " + table + " where ticket_id = ?", Integer.class, ticketId);
        return n == null ? 0 : n;
    }

    private Ticket load(long id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    private void finish(Ticket ticket) {
        conversation.saveHistory(ticket);
        tickets.save(ticket);
    }
}
