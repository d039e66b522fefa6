package dev.tidesk.mail.outbound;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.mail.trust.ReferenceMarker;
import dev.tidesk.ticket.CcEntry;
import dev.tidesk.ticket.CcList;
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

    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final Customers customers;
    private final ReferenceMarker marker;

    private final AutoMailGuard guard;
    private final CcList copies;

    private final Clock clock;

    ClientMailer(
            OutboxQueue outbox,
            MailTemplates templates,
            Customers customers,
            MailSigning signing,
            AutoMailGuard guard,
            CcList copies,
            Clock clock) {
        this.clock = clock;
        this.copies = copies;
        this.guard = guard;
        this.outbox = outbox;
        this.templates = templates;
        this.customers = customers;
        this.marker = signing.marker();
    }

    /** {@link #send} or {@link #sendWithCopies}. */
    @FunctionalInterface
    interface Sending {
        boolean send(
                TicketView ticket,
                String eventKey,
                String template,
                String autoSubmitted,
                String link,
                BiConsumer<Locale, Map<String, Object>> extra,
                List<Long> attachmentIds,
                String subjectKey,
                Object... subjectArgs);
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
        return enqueue(
                ticket,
                contact,
                null,
                eventKey,
                template,
                autoSubmitted,
                link,
                extra,
                attachmentIds,
                subjectKey,
                subjectArgs);
    }

    /**
     * As {@link #send}, and the same mail to everyone copied on the request (CC), each in their own
     * language (an address from outside in the contact's). Under the same event key, so each recipient
     * gets it once. Never to our own addresses; to an address that bounced it is kept back, in words.
     * Only for mails that carry nothing meant for the contact alone (no single-use link).
     */
    boolean sendWithCopies(
            TicketView ticket,
            String eventKey,
            String template,
            String autoSubmitted,
            String link,
            BiConsumer<Locale, Map<String, Object>> extra,
            List<Long> attachmentIds,
            String subjectKey,
            Object... subjectArgs) {
        boolean sent =
                send(ticket, eventKey, template, autoSubmitted, link, extra, attachmentIds, subjectKey, subjectArgs);
        if (guard.isSilent()) {
            return sent;
        }
        List<CcEntry> copied = copies.of(ticket.id());
        if (copied.isEmpty()) {
            return sent;
        }
        ContactView requester = ticket.contactId() == null ? null : customers.contact(ticket.contactId());
        String language = requester == null ? "ru" : requester.language();
        Instant now = Instant.now(clock);
        for (CcEntry cc : copied) {
            java.util.Optional<AutoMailGuard.Hold> held = guard.holdBack(cc.address(), now);
            if (held.isPresent()
                    && (held.get() == AutoMailGuard.Hold.OWN_ADDRESS || held.get() == AutoMailGuard.Hold.AUTOMATIC)) {
                // never mail ourselves (a loop), nor in answer to automatic mail
                continue;
            }
            // a copied contact in their own language; an address from outside in the contact's
            ContactView known = cc.contactId() == null ? null : customers.contact(cc.contactId());
            if (known != null && !known.active()) {
                // a deactivated contact is mailed nothing, copied or not
                continue;
            }
            ContactView recipient = new ContactView(
                    known == null ? -1 : known.id(),
                    ticket.organizationId() == null ? -1 : ticket.organizationId(),
                    known == null ? cc.name() : known.fullName(),
                    cc.address(),
                    null,
                    null,
                    null,
                    known == null ? language : known.language(),
                    false,
                    true);
            boolean queued = enqueue(
                    ticket,
                    recipient,
                    requester,
                    eventKey,
                    template,
                    autoSubmitted,
                    link,
                    extra,
                    attachmentIds,
                    subjectKey,
                    subjectArgs);
            if (queued && held.isPresent() && held.get() == AutoMailGuard.Hold.BOUNCING) {
                outbox.holdBack(eventKey, cc.address(), held.get());
            }
            sent |= queued;
        }
        return sent;
    }

    private boolean enqueue(
            TicketView ticket,
            ContactView contact,
            ContactView copyOf,
            String eventKey,
            String template,
            String autoSubmitted,
            String link,
            BiConsumer<Locale, Map<String, Object>> extra,
            List<Long> attachmentIds,
            String subjectKey,
            Object... subjectArgs) {
        Locale locale = Locale.forLanguageTag(contact.language());
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", ticket);
        vars.put("contact", contact);
        vars.put("link", link);
        vars.put("marker", marker.of(ticket.id()));
        if (copyOf != null) {
            // a copy says whose request it is about
            vars.put("copyOf", copyOf.fullName());
        }
        extra.accept(locale, vars);
        RenderedMail mail = templates.render(template, locale, vars, subjectKey, subjectArgs);
        return outbox.enqueue(
                eventKey, ticket.id(), contact.email(), mail, autoSubmitted, attachmentIds, Instant.now(clock));
    }
}
