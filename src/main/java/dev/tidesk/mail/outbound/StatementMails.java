package dev.tidesk.mail.outbound;

import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.contract.ledger.MonthClosed;
import dev.tidesk.contract.ledger.Statement;
import dev.tidesk.contract.ledger.StatementLine;
import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.Installation;
import dev.tidesk.worklog.NormHours;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When a month of a contract is closed, mails the month's statement to every contact of the
 * organization who asked for it, in the contact's language, with a link to the portal's statement
 * page. Runs after the close commits, in a transaction of its own, so a statement that fails to
 * render never undoes the close; the event publication registry runs it again on the next start,
 * and the outbox's (event, recipient) key makes a repeated run or close send nothing twice.
 */
@Component
class StatementMails {

    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final Customers customers;
    private final Ledgers ledgers;
    private final Installation installation;

    private final Clock clock;

    StatementMails(
            OutboxQueue outbox,
            MailTemplates templates,
            Customers customers,
            Ledgers ledgers,
            Installation installation,
            Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.templates = templates;
        this.customers = customers;
        this.ledgers = ledgers;
        this.installation = installation;
    }

    @ApplicationModuleListener
    void on(MonthClosed event) {
        List<ContactView> recipients = customers.statementRecipients(event.organizationId());
        if (recipients.isEmpty()) {
            return;
        }
        Optional<Statement> found = ledgers.findStatement(event.organizationId(), event.month());
        if (found.isEmpty()) {
            return;
        }
        Statement statement = found.get();
        String link = installation.baseUrl() + "/portal/contract/statements/" + event.month();
        String eventKey = "statement:" + event.contractId() + ":" + event.month();
        for (ContactView contact : recipients) {
            Locale locale = Locale.forLanguageTag(contact.language());
            String month = event.month().atDay(1).format(DateTimeFormatter.ofPattern("LLLL yyyy", locale));
            Map<String, Object> vars = new HashMap<>();
            vars.put("ticket", null);
            vars.put("marker", null);
            vars.put("contact", contact);
            vars.put("link", link);
            vars.put("linkLabel", templates.message("mail.statement.open", locale));
            vars.put("statement", statement);
            vars.put("month", month);
            vars.put("included", hours(statement.ledger().includedMinutes(), locale));
            vars.put("used", hours(statement.ledger().usedMinutes(), locale));
            vars.put("balance", hours(statement.ledger().balanceMinutes(), locale));
            vars.put("running", hours(statement.ledger().runningMinutes(), locale));
            vars.put("total", hours(statement.totalMinutes(), locale));
            List<Map<String, String>> rows = new ArrayList<>();
            for (StatementLine line : statement.lines()) {
                Map<String, String> row = new LinkedHashMap<>();
                row.put("tid", line.tid());
                row.put("subject", line.subject());
                row.put("status", line.status());
                row.put("hours", hours(line.minutes(), locale));
                rows.add(row);
            }
            vars.put("rows", rows);
            RenderedMail mail = templates.render(
                    "statement", locale, vars, "mail.statement.subject", month, statement.organizationName());
            outbox.enqueue(eventKey, null, contact.email(), mail, "auto-generated", Instant.now(clock));
        }
    }

    private static String hours(int minutes, Locale locale) {
        return NormHours.format(minutes, locale);
    }
}
