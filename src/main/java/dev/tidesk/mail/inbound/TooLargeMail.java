package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.outbound.MailTemplates;
import dev.tidesk.mail.outbound.OutboxQueue;
import dev.tidesk.mail.outbound.RenderedMail;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.LoopRules;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A message over {@link InboundSettings#maxSizeBytes()}: kept whole for admins but taken into no
 * request. Its sender is told the limit in an automatic answer (Russian for a Cyrillic subject,
 * otherwise English), unless the mail was automatic itself or the address may have no more automatic
 * mail now ({@link AutoMailGuard}).
 */
@Component
class TooLargeMail {

    private final AutoMailGuard guard;
    private final MailTemplates templates;
    private final OutboxQueue outbox;
    private final InboundSettings settings;

    TooLargeMail(AutoMailGuard guard, MailTemplates templates, OutboxQueue outbox, InboundSettings settings) {
        this.guard = guard;
        this.templates = templates;
        this.outbox = outbox;
        this.settings = settings;
    }

    InboundResult refuse(InboundMail stored, ParsedMail parsed, LoopRules.Result loop, Instant now) {
        String from = parsed.fromAddress();
        if (loop.mayAutoReply() && from != null && guard.mayAutoReply(from, now)) {
            Locale locale = parsed.subject().matches("(?s).*[А-Яа-яЁё].*")
                    ? Locale.forLanguageTag("ru")
                    : Locale.forLanguageTag("en");
            RenderedMail reply = templates.render(
                    "too-large",
                    locale,
                    Map.of("limitMb", settings.maxSizeBytes() / (1024 * 1024), "originalSubject", parsed.subject()),
                    "mail.tooLarge.subject",
                    parsed.subject());
            outbox.enqueue("too-large:" + stored.getId(), null, from, reply, "auto-replied", now);
        }
        return InboundResult.ignored("TOO_LARGE", null, "Larger than " + settings.maxSizeBytes() + " bytes");
    }
}
