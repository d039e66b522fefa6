package dev.tidesk.mail.outbound;

import dev.tidesk.customer.Customers;
import dev.tidesk.customer.SiteView;
import dev.tidesk.shared.Installation;
import dev.tidesk.task.TaskAwaitingAcceptance;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the client to check a change on the test copy (R14): the test copy's address, Accept and
 * Decline links (a single-use expiring token that only this mail carries) and the request's page.
 * Queued in the task's transaction.
 */
@Component
class TaskMails {

    private final RequestQueries requests;
    private final Customers customers;
    private final Installation installation;
    private final ClientMailer mailer;

    private final Clock clock;

    TaskMails(
            RequestQueries requests, Customers customers, Installation installation, ClientMailer mailer, Clock clock) {
        this.clock = clock;
        this.requests = requests;
        this.customers = customers;
        this.installation = installation;
        this.mailer = mailer;
    }

    @EventListener
    void on(TaskAwaitingAcceptance event) {
        TicketView ticket = requests.ticket(event.ticketId());
        SiteView site =
                ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null);
        Instant now = Instant.now(clock);
        String answer =
                event.token() == null ? null : installation.baseUrl() + "/portal/answer/test-copy/" + event.token();
        ClientMail mail = ClientMail.about(
                        ticket,
                        "task-test:" + event.taskId() + ":" + now.toEpochMilli(),
                        "task-acceptance",
                        installation.baseUrl() + "/portal/requests/" + ticket.tid() + "#tasks",
                        "mail.task.subject",
                        ticket.tid(),
                        event.title())
                .withVars((locale, vars) -> {
                    vars.put("taskTitle", event.title());
                    vars.put("testUrl", site == null ? null : site.testUrl());
                    vars.put(
                            "expires",
                            event.linkExpiresAt() == null ? null : installation.dateTime(event.linkExpiresAt()));
                });
        if (answer != null) {
            mail = mail.withSingleUseLinks(
                    Map.of("acceptLink", answer + "?answer=accept", "declineLink", answer + "?answer=decline"));
        }
        mailer.send(mail);
    }
}
