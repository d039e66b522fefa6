package dev.tidesk.ticket;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens requests from every channel: portal, phone, e-mail, API. */
@Service
public class RequestIntake {

    static final int MAX_SUBJECT = 300;

    private final TicketRepository tickets;
    private final TidAllocator tids;
    private final Conversation conversation;
    private final Customers customers;
    private final Clock clock;

    RequestIntake(
            TicketRepository tickets, TidAllocator tids, Conversation conversation, Customers customers, Clock clock) {
        this.tickets = tickets;
        this.tids = tids;
        this.conversation = conversation;
        this.customers = customers;
        this.clock = clock;
    }

    @Transactional
    public TicketView open(NewRequest request) {
        return open(request, Instant.now(clock));
    }

    /** Opens a request as of the given moment (used when importing or loading the demo). */
    @Transactional
    public TicketView open(NewRequest request, Instant at) {
        String subject = request.subject() == null ? "" : request.subject().strip();
        if (subject.isEmpty()) {
            throw new DomainException("error.subject.required", "The subject is empty");
        }
        if (subject.length() > MAX_SUBJECT) {
            subject = subject.substring(0, MAX_SUBJECT);
        }
        conversation.validate(request.body(), request.attachments());
        ContactView contact = customers.contact(request.contactId());
        OrganizationView organization = customers.organization(contact.organizationId());
        if (request.siteId() != null
                && customers
                        .site(request.siteId())
                        .filter(s -> s.organizationId() == organization.id())
                        .isEmpty()) {
            throw new DomainException("error.site.unknown", "Unknown site");
        }
        long number = tids.nextNumber();
        Requester requester = new Requester(
                organization.id(), organization.name(), contact.id(), contact.fullName(), contact.email());
        Ticket ticket = tickets.save(new Ticket(
                number,
                tids.tid(number),
                subject,
                requester,
                request.siteId(),
                request.channel(),
                request.urgency(),
                request.actor(),
                at));
        // the first message is the client's, also when an agent recorded it from a call
        conversation.add(
                ticket.getId(),
                MessageKind.CLIENT,
                Actor.contact(contact.id(), contact.fullName()),
                request.body(),
                request.attachments(),
                at);
        conversation.saveHistory(ticket);
        ticket.created(request.actor());
        return tickets.save(ticket).view();
    }
}
