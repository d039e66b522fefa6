package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links related requests both ways ("Связанные обращения"); each link and its removal is history on both. */
@Service
@Transactional
public class RequestLinks {

    private final TicketRepository tickets;
    private final Conversation conversation;
    private final RequestQueries queries;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RequestLinks(
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

    /** Links the request with the one whose TID is given; returns that one. Linking twice changes nothing. */
    public TicketView link(long ticketId, String otherTid, Actor actor) {
        Ticket ticket = load(ticketId);
        Ticket other = tickets.findByTid(queries.normalizeTid(otherTid))
                .orElseThrow(() -> new DomainException(
                        "error.link.unknown", "No request " + otherTid, otherTid == null ? "" : otherTid.strip()));
        if (other.getId().equals(ticket.getId())) {
            throw new DomainException("error.link.self", "A request is not linked to itself");
        }
        Instant now = Instant.now(clock);
        if (connect(ticket.getId(), other.getId(), actor, now)) {
            ticket.linked(other.getTid(), true, actor, now);
            other.linked(ticket.getTid(), true, actor, now);
            finish(ticket);
            finish(other);
        }
        return other.view();
    }

    /** Removes the link between the two requests, if there is one. */
    public void unlink(long ticketId, long otherId, Actor actor) {
        Ticket ticket = load(ticketId);
        Ticket other = load(otherId);
        int removed = jdbc.update(
                "delete from request_link where (ticket_id = ? and linked_id = ?) or (ticket_id = ? and linked_id = ?)",
                ticketId,
                otherId,
                otherId,
                ticketId);
        if (removed > 0) {
            Instant now = Instant.now(clock);
            ticket.linked(other.getTid(), false, actor, now);
            other.linked(ticket.getTid(), false, actor, now);
            finish(ticket);
            finish(other);
        }
    }

    /** Writes the link both ways; false when it was there already. */
    boolean connect(long a, long b, Actor actor, Instant now) {
        String sql = "insert into request_link (ticket_id, linked_id, created_at, created_by) values (?, ?, ?, ?)"
                + " on conflict do nothing";
        int n = jdbc.update(sql, a, b, java.sql.Timestamp.from(now), actor.name());
        jdbc.update(sql, b, a, java.sql.Timestamp.from(now), actor.name());
        return n > 0;
    }

    private Ticket load(long id) {
        return tickets.findById(id).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    private void finish(Ticket ticket) {
        conversation.saveHistory(ticket);
        tickets.save(ticket);
    }
}
