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
import org.springframework.stereotype.Component;

/**
 * Writes one mail about a request ({@link ClientMail}) to its contact, and to those copied on it when
 * the mail is for them too ({@link #sendWithCopies}): in each recipient's language, with the request,
 * the contact, a link and the reference marker that threads their answer, queued in the outbox in
 * the caller's transaction. Every mail to clients goes through here.
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

    /**
     * The mail to the request's contact alone.
     *
     * @return false when the request has no contact with an e-mail address, the mail was queued before, or
     *         it would be about imported history
     */
    boolean send(ClientMail mail) {
        TicketView ticket = mail.ticket();
        if (ticket.contactId() == null || guard.isSilent()) {
            // no contact to write to, or imported history, which mails nobody
            return false;
        }
        ContactView contact = customers.contact(ticket.contactId());
        if (contact.email() == null || !contact.active()) {
            // a deactivated contact is mailed nothing; their requests and history stay
            return false;
        }
        return enqueue(mail, contact, true, null);
    }

    /**
     * As {@link #send}, and the same mail to everyone copied on the request (CC): they follow its
     * conversation (replies, status changes), each in their own language (an address from outside in
     * the contact's), under the same event key, so each recipient gets it once. Who gets no copy:
     * <ul>
     *   <li>anyone, when the mail carries a single-use link ({@link ClientMail#singleUseLinks}: the rating
     *       of a resolved request, a deferral's or a test copy's answer): the link acts as the requester,
     *       so it goes to the requester alone;
     *   <li>our own addresses (a loop), and anyone while the mail answers automatic mail;
     *   <li>a deactivated contact, copied or not.
     * </ul>
     * To an address that bounced the copy is kept back, in words.
     */
    boolean sendWithCopies(ClientMail mail) {
        boolean sent = send(mail);
        if (guard.isSilent() || mail.actsForTheRequester()) {
            return sent;
        }
        TicketView ticket = mail.ticket();
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
            boolean queued = enqueue(mail, recipient, false, requester);
            if (queued && held.isPresent() && held.get() == AutoMailGuard.Hold.BOUNCING) {
                outbox.holdBack(mail.eventKey(), cc.address(), held.get());
            }
            sent |= queued;
        }
        return sent;
    }

    /**
     * @param toRequester the mail is the requester's own, the only one that carries its single-use links
     * @param copyOf whose request a copy is about, when known
     */
    private boolean enqueue(ClientMail mail, ContactView contact, boolean toRequester, ContactView copyOf) {
        TicketView ticket = mail.ticket();
        Locale locale = Locale.forLanguageTag(contact.language());
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", ticket);
        vars.put("contact", contact);
        vars.put("link", mail.link());
        vars.put("marker", marker.of(ticket.id()));
        if (toRequester) {
            vars.putAll(mail.singleUseLinks());
        }
        if (copyOf != null) {
            // a copy says whose request it is about
            vars.put("copyOf", copyOf.fullName());
        }
        mail.vars().accept(locale, vars);
        RenderedMail rendered = templates.render(
                mail.template(),
                locale,
                vars,
                mail.subjectKey(),
                mail.subjectArgs().toArray());
        return outbox.enqueue(
                mail.eventKey(),
                ticket.id(),
                contact.email(),
                rendered,
                mail.autoSubmitted(),
                mail.attachmentIds(),
                Instant.now(clock));
    }
}
