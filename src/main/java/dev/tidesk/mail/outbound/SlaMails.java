package dev.tidesk.mail.outbound;

import dev.tidesk.identity.Role;
import dev.tidesk.routing.SlaWarningRaised;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Warns the assignee and the heads that a request's SLA deadline is near (in Russian, the staff's language). */
@Component
class SlaMails {

    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final RequestQueries requests;
    private final StaffDirectory staff;
    private final Installation installation;
    private final org.springframework.context.MessageSource messages;

    private final Clock clock;

    SlaMails(
            OutboxQueue outbox,
            MailTemplates templates,
            RequestQueries requests,
            StaffDirectory staff,
            Installation installation,
            org.springframework.context.MessageSource messages,
            Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.outbox = outbox;
        this.templates = templates;
        this.requests = requests;
        this.staff = staff;
        this.installation = installation;
    }

    @ApplicationModuleListener
    void on(SlaWarningRaised event) {
        TicketView ticket = requests.ticket(event.ticketId());
        Map<String, StaffView> recipients = new LinkedHashMap<>();
        if (event.assigneeId() != null) {
            StaffView assignee = staff.member(event.assigneeId());
            recipients.put(assignee.email(), assignee);
        }
        staff.everyone().stream().filter(s -> s.role() == Role.HEAD).forEach(h -> recipients.putIfAbsent(h.email(), h));
        Locale locale = Locale.forLanguageTag("ru");
        for (StaffView to : recipients.values()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("ticket", ticket);
            vars.put("contact", to);
            vars.put("kind", messages.getMessage("mail.sla.kind." + event.kind(), null, locale));
            vars.put(
                    "due",
                    event.dueAt()
                            .atZone(installation.timeZone())
                            .toLocalDateTime()
                            .toString()
                            .replace('T', ' '));
            vars.put("link", installation.baseUrl() + "/desk/requests/" + ticket.tid());
            RenderedMail mail =
                    templates.render("sla-warning", locale, vars, "mail.sla.subject", ticket.tid(), ticket.subject());
            outbox.enqueue(
                    "sla-warn:" + ticket.id() + ":" + event.kind() + ":"
                            + event.dueAt().toEpochMilli(),
                    ticket.id(),
                    to.email(),
                    mail,
                    "auto-generated",
                    Instant.now(clock));
        }
    }
}
