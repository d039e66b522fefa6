package dev.tidesk.mail;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.SiteView;
import dev.tidesk.shared.Installation;
import dev.tidesk.task.TaskAwaitingAcceptance;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the client to check a change on the test copy (R14): the test copy's address and the
 * request's page where they accept or decline. Queued in the task's transaction.
 */
@Component
class TaskMails {

    private final Outbox outbox;
    private final MailTemplates templates;
    private final RequestQueries requests;
    private final Customers customers;
    private final Installation installation;

    TaskMails(Outbox outbox, MailTemplates templates, RequestQueries requests, Customers customers,
            Installation installation) {
        this.outbox = outbox;
        this.templates = templates;
        this.requests = requests;
        this.customers = customers;
        this.installation = installation;
    }

    @EventListener
    void on(TaskAwaitingAcceptance event) {
        TicketView ticket = requests.ticket(event.ticketId());
        if (ticket.contactId() == null) {
            return;
        }
        ContactView contact = customers.contact(ticket.contactId());
        if (contact.email() == null) {
            return;
        }
        SiteView site = ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null);
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", ticket);
        vars.put("contact", contact);
        vars.put("taskTitle", event.title());
        vars.put("testUrl", site == null ? null : site.testUrl());
        vars.put("link", installation.baseUrl() + "/portal/requests/" + ticket.tid() + "#tasks");
        RenderedMail mail = templates.render("task-acceptance", Locale.forLanguageTag(contact.language()), vars,
                "mail.task.subject", ticket.tid(), event.title());
        Instant now = Instant.now();
        outbox.enqueue("task-test:" + event.taskId() + ":" + now.toEpochMilli(), ticket.id(), contact.email(), mail,
                "auto-generated", now);
    }
}
