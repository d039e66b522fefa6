package dev.tidesk.mail.inbound;

import dev.tidesk.mail.outbound.MailTemplates;
import dev.tidesk.shared.Installation;
import org.springframework.stereotype.Component;

/**
 * What Tidesk itself writes into a request from a mail (notes about bounces, autoreplies and
 * strangers, the text of forwarded mail): from the bundles, in the installation's language, not the
 * sender's.
 */
@Component
class WrittenText {

    private final MailTemplates templates;
    private final Installation installation;

    WrittenText(MailTemplates templates, Installation installation) {
        this.templates = templates;
        this.installation = installation;
    }

    String of(String key, Object... args) {
        return templates.message(key, installation.locale(), args);
    }
}
