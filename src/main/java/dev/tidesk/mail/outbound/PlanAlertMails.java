package dev.tidesk.mail.outbound;

import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.alert.PlanAlert;
import dev.tidesk.contract.alert.PlanAlertRaised;
import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.worklog.NormHours;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the heads and the client's personal manager about an overrun or trial alert, once per
 * alert (the outbox key is the alert's id), in Russian, the staff's language.
 */
@Component
class PlanAlertMails {

    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final StaffDirectory staff;
    private final Customers customers;
    private final Recommendations recommendations;
    private final Installation installation;

    private final Clock clock;

    PlanAlertMails(
            OutboxQueue outbox,
            MailTemplates templates,
            StaffDirectory staff,
            Customers customers,
            Recommendations recommendations,
            Installation installation,
            Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.templates = templates;
        this.staff = staff;
        this.customers = customers;
        this.recommendations = recommendations;
        this.installation = installation;
    }

    @ApplicationModuleListener
    void on(PlanAlertRaised event) {
        Map<String, StaffView> recipients = new LinkedHashMap<>();
        if (event.personalManagerId() != null) {
            StaffView manager = staff.member(event.personalManagerId());
            if (manager.email() != null) {
                recipients.put(manager.email(), manager);
            }
        }
        staff.everyone().stream()
                .filter(s -> s.role() == Role.HEAD && s.email() != null)
                .forEach(h -> recipients.putIfAbsent(h.email(), h));
        Locale locale = Locale.forLanguageTag("ru");
        String organization = customers.organization(event.organizationId()).name();
        String month = event.month().atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
        String what = event.kind() == PlanAlert.Kind.OVERRUN
                ? templates.message("contract.alert.overrun", locale, recommendations.overrunPercent())
                : templates.message("contract.alert.trial", locale, event.trialMonths());
        String plan = event.planCode() == null ? "—" : templates.message("contract.plan." + event.planCode(), locale);
        String recommended = event.recommendation() == null
                ? null
                : templates.message("contract.plan." + event.recommendation(), locale);
        for (StaffView to : recipients.values()) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("ticket", null);
            vars.put("marker", null);
            vars.put("contact", to);
            vars.put("link", installation.baseUrl() + "/desk/contracts/alerts");
            vars.put("linkLabel", templates.message("mail.plan-alert.open", locale));
            vars.put("organization", organization);
            vars.put("month", month);
            vars.put("what", what);
            vars.put("plan", plan);
            vars.put("average", NormHours.format(event.averageMinutes(), locale));
            vars.put("recommended", recommended);
            vars.put("ledgerLink", installation.baseUrl() + "/desk/clients/" + event.organizationId() + "#ledger");
            RenderedMail mail = templates.render(
                    "plan-alert", locale, vars, "mail.plan-alert.subject." + event.kind(), organization);
            outbox.enqueue(
                    "plan-alert:" + event.alertId(), null, to.email(), mail, "auto-generated", Instant.now(clock));
        }
    }
}
