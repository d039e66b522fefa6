package dev.tidesk.mail;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Component;

/**
 * Writes one mail about a request to its contact: in their language, with the request, the
 * contact, a link and the reference marker that threads their answer, queued in the outbox in the
 * caller's transaction. Every mail to clients goes through here.
 */
@Component
class ClientMailer {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final Customers customers;
    private final ReferenceMarker marker;

    private final AutoMailGuard guard;

    private final Clock clock;

    ClientMailer(
            Outbox outbox,
            MailTemplates templates,
            Customers customers,
            MailSigning signing,
            AutoMailGuard guard,
            Clock clock) {
        this.clock = clock;
        this.guard = guard;
        this.outbox = outbox;
        this.templates = templates;
        this.customers = customers;
        this.marker = signing.marker();
    }

    /**
     * @param extra fills the template's own variables, knowing the recipient's locale
     * @return false when the request has no contact with an e-mail address, the mail was queued before, or
     *         it would be about imported history
     */
    boolean send(
            TicketView ticket,
            String eventKey,
            String template,
            String autoSubmitted,
            String link,
            BiConsumer<Locale, Map<String, Object>> extra,
            List<Long> attachmentIds,
            String subjectKey,
            Object... subjectArgs) {
        if (ticket.contactId() == null || guard.isSilent()) {
            // no contact to write to, or imported history, which mails nobody
            return false;
        }
        ContactView contact = customers.contact(ticket.contactId());
        if (contact.email() == null || !contact.active()) {
            // a deactivated contact is mailed nothing; their requests and history stay
            return false;
        }
        Locale locale = Locale.forLanguageTag(contact.language());
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", ticket);
        vars.put("contact", contact);
        vars.put("link", link);
        vars.put("marker", marker.of(ticket.id()));
        extra.accept(locale, vars);
        RenderedMail mail = templates.render(template, locale, vars, subjectKey, subjectArgs);
        return outbox.enqueue(
                eventKey, ticket.id(), contact.email(), mail, autoSubmitted, attachmentIds, Instant.now(clock));
    }
}
