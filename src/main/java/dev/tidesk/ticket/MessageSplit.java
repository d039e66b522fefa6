package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Splits a client's message off its request into a new request of the same organization, contact
 * and site: the message and its files move, both requests say so in their history and are linked.
 */
@Service
@Transactional
public class MessageSplit {

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TidAllocator tids;
    private final Conversation conversation;
    private final RequestLinks links;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    MessageSplit(
            TicketRepository tickets,
            TicketMessageRepository messages,
            TidAllocator tids,
            Conversation conversation,
            RequestLinks links,
            JdbcTemplate jdbc,
            Clock clock) {
        this.tickets = tickets;
        this.messages = messages;
        this.tids = tids;
        this.conversation = conversation;
        this.links = links;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Opens a new request with {@code subject} from the client's message {@code messageId} of the
     * request {@code ticketId}; returns the new request.
     */
    public TicketView split(long ticketId, long messageId, String subject, Actor actor) {
        Ticket source = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("No request " + ticketId));
        TicketMessage message = messages.findById(messageId)
                .filter(m -> m.getTicketId() == ticketId)
                .orElseThrow(() -> new NotFoundException("No message " + messageId));
        if (message.getKind() != MessageKind.CLIENT) {
            throw new DomainException("error.split.notClient", "Only a client's message is split off");
        }
        if (messages.findByTicket(ticketId).get(0).getId() == messageId) {
            throw new DomainException("error.split.first", "The request's first message stays with it");
        }
        String s = subject == null ? "" : subject.strip();
        if (s.isEmpty()) {
            throw new DomainException("error.subject.required", "The subject is empty");
        }
        if (s.length() > RequestIntake.MAX_SUBJECT) {
            s = s.substring(0, RequestIntake.MAX_SUBJECT);
        }
        Instant now = Instant.now(clock);
        long number = tids.nextNumber();
        Ticket split = tickets.save(new Ticket(
                number,
                tids.tid(number),
                s,
                source.requester(),
                source.getSiteId(),
                source.getChannel(),
                source.getUrgency(),
                actor,
                now));
        jdbc.update("update ticket_message set ticket_id = ? where id = ?", split.getId(), messageId);
        jdbc.update("update ticket_attachment set ticket_id = ? where message_id = ?", split.getId(), messageId);
        source.splitOff(split, actor, now);
        conversation.saveHistory(source);
        tickets.save(source);
        conversation.saveHistory(split);
        split.created(actor);
        tickets.save(split);
        links.connect(source.getId(), split.getId(), actor, now);
        return split.view();
    }
}
