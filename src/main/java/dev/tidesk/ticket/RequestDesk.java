package dev.tidesk.ticket;

import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do with an open request: reply, note, change status, urgency and assignee. */
@Service
@Transactional
public class RequestDesk {

    private final TicketRepository tickets;
    private final Conversation conversation;
    private final Clock clock;

    RequestDesk(TicketRepository tickets, Conversation conversation, Clock clock) {
        this.tickets = tickets;
        this.conversation = conversation;
        this.clock = clock;
    }

    /** A public reply from staff: the client sees it and gets it by e-mail. */
    public long reply(long ticketId, Actor staff, String body, List<NewAttachment> files) {
        return reply(ticketId, staff, body, files, now());
    }

    public long reply(long ticketId, Actor staff, String body, List<NewAttachment> files, Instant at) {
        Ticket ticket = load(ticketId);
        long messageId = conversation.add(ticketId, MessageKind.STAFF_REPLY, staff, body, files, at);
        ticket.staffReplied(messageId, staff, at);
        finish(ticket);
        return messageId;
    }

    /** A note for colleagues; never shown to the client. */
    public long note(long ticketId, Actor staff, String body, List<NewAttachment> files) {
        return note(ticketId, staff, body, files, now());
    }

    public long note(long ticketId, Actor staff, String body, List<NewAttachment> files, Instant at) {
        Ticket ticket = load(ticketId);
        long messageId = conversation.add(ticketId, MessageKind.INTERNAL_NOTE, staff, body, files, at);
        ticket.noted(messageId, staff, body, at);
        finish(ticket);
        return messageId;
    }

    /** The client wrote again (portal or e-mail). */
    public long clientReply(long ticketId, Actor contact, String body, List<NewAttachment> files) {
        return clientReply(ticketId, contact, body, files, now());
    }

    public long clientReply(long ticketId, Actor contact, String body, List<NewAttachment> files, Instant at) {
        Ticket ticket = load(ticketId);
        long messageId = conversation.add(ticketId, MessageKind.CLIENT, contact, body, files, at);
        ticket.clientReplied(messageId, files.size(), contact, at);
        finish(ticket);
        return messageId;
    }

    public void changeStatus(long ticketId, Status status, Actor actor) {
        changeStatus(ticketId, status, actor, now());
    }

    public void changeStatus(long ticketId, Status status, Actor actor, Instant at) {
        Ticket ticket = load(ticketId);
        ticket.changeStatus(status, actor, at);
        finish(ticket);
    }

    /**
     * Closes a request resolved {@code businessDays} working days ago that nobody answered since;
     * returns false (and changes nothing) when it is no longer resolved.
     */
    public boolean closeUnanswered(long ticketId, int businessDays) {
        Ticket ticket = load(ticketId);
        if (!ticket.closeUnanswered(businessDays, now())) {
            return false;
        }
        finish(ticket);
        return true;
    }

    public void changeUrgency(long ticketId, Urgency urgency, Actor actor) {
        Ticket ticket = load(ticketId);
        ticket.changeUrgency(urgency, actor, now());
        finish(ticket);
    }

    /** Gives the request to a staff member, or to nobody when {@code staffId} is null. */
    public void assign(long ticketId, Long staffId, String staffName, Actor actor) {
        assign(ticketId, staffId, staffName, actor, now());
    }

    public void assign(long ticketId, Long staffId, String staffName, Actor actor, Instant at) {
        Ticket ticket = load(ticketId);
        ticket.assign(staffId, staffName, actor, at);
        finish(ticket);
    }

    /**
     * Writes a step that another module took on the request into its history, e.g. a deferral
     * proposed or declined ({@code field} names a {@code history.*} message key).
     */
    public void remark(long ticketId, Actor actor, String field, String value) {
        Ticket ticket = load(ticketId);
        ticket.remark(actor, now(), field, value);
        finish(ticket);
    }

    private Ticket load(long ticketId) {
        return tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("No request " + ticketId));
    }

    private void finish(Ticket ticket) {
        conversation.saveHistory(ticket);
        tickets.save(ticket);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
