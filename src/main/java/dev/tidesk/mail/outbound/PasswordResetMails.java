package dev.tidesk.mail.outbound;

import dev.tidesk.identity.PasswordResetRequested;
import dev.tidesk.shared.Installation;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mails the link that sets a new password (or, for an invitation, the first one), in the account's
 * language, queued in the transaction that stored the link. Marked automatic, so that an
 * autoresponder does not answer it.
 */
@Component
class PasswordResetMails {

    /** Whom the mail greets: the frame calls {@code contact.fullName()}. */
    record Addressee(String fullName) {}

    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final Installation installation;

    private final Clock clock;

    PasswordResetMails(OutboxQueue outbox, MailTemplates templates, Installation installation, Clock clock) {
        this.clock = clock;
        this.outbox = outbox;
        this.templates = templates;
        this.installation = installation;
    }

    @EventListener
    void on(PasswordResetRequested event) {
        Locale locale = Locale.forLanguageTag(event.locale() == null ? installation.language() : event.locale());
        Map<String, Object> vars = new HashMap<>();
        vars.put("ticket", null);
        vars.put("marker", null);
        vars.put("contact", new Addressee(event.displayName()));
        vars.put(
                "link",
                installation.baseUrl() + (event.staff() ? "/desk" : "/portal") + "/password/reset?token="
                        + event.token());
        vars.put(
                "linkLabel",
                templates.message(event.invitation() ? "mail.invite.button" : "mail.reset.button", locale));
        vars.put("login", event.email());
        vars.put("staff", event.staff());
        vars.put("expires", installation.dateTime(event.expiresAt()));
        RenderedMail mail = event.invitation()
                ? templates.render(
                        "portal-invitation",
                        locale,
                        vars,
                        event.staff() ? "mail.invite.staff.subject" : "mail.invite.subject")
                : templates.render("password-reset", locale, vars, "mail.reset.subject");
        // the key names the link by its expiry, never by its secret: the outbox is readable by admins
        outbox.enqueue(
                "password-reset:" + event.accountId() + ":" + event.expiresAt().toEpochMilli(),
                null,
                event.email(),
                mail,
                "auto-generated",
                Instant.now(clock));
    }
}
