package dev.tidesk.mail;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.tidesk.contract.DeferralProposed;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the client a proposal to do a request next month (R10) with accept and decline links.
 * Runs in the proposing transaction, like {@link Notifications}, so the mail is queued exactly
 * when the proposal is committed. The link's token is in the event only, never stored in clear.
 */
@Component
class DeferralMails {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final RequestQueries requests;
    private final Customers customers;
    private final Installation installation;

    DeferralMails(Outbox outbox, MailTemplates templates, RequestQueries requests, Customers customers,
            Installation installation) {
        this.outbox = outbox;
        this.templates = templates;
        this.requests = requests;
        this.customers = customers;
        this.installation = installation;
    }

    @EventListener
    void on(DeferralProposed event) {
        TicketView ticket = requests.ticket(event.ticketId());
        if (ticket.contactId() == null) {
            return;
        }
        ContactView contact = customers.contact(ticket.contactId());
        if (contact.email() == null) {
            return;
        }
        Locale locale = Locale.forLanguageTag(contact.language());
        String link = installation.baseUrl() + "/portal/deferrals/" + event.token();
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", ticket);
        vars.put("contact", contact);
        vars.put("link", link);
        vars.put("acceptLink", link + "?answer=accept");
        vars.put("declineLink", link + "?answer=decline");
        vars.put("month", event.targetMonth().atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale)));
        vars.put("expires", DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(installation.timeZone())
                .format(event.expiresAt()));
        RenderedMail mail = templates.render("deferral", locale, vars, "mail.deferral.subject", ticket.tid(),
                ticket.subject());
        outbox.enqueue("deferral:" + event.deferralId(), ticket.id(), contact.email(), mail, "auto-generated",
                Instant.now());
    }

}
