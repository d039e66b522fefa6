package dev.tidesk.mail.outbound;

import dev.tidesk.notice.Notices;
import dev.tidesk.shared.Installation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail to staff, opt-in per person and kind of notice (the account page): the notices of the chosen
 * kinds go out as one digest mail per person at most every {@code tidesk.mail.staff-digest-every}
 * (15 minutes unless configured), in the person's language, never about what they did themselves
 * (notices already leave out whoever caused them). The digest is queued in the outbox and its notices
 * marked mailed in one transaction, under one key per person and last notice: each goes out once. Like
 * the other automatic mail it carries {@code Auto-Submitted: auto-generated}, {@code
 * X-Auto-Response-Suppress: All} and the loop header.
 */
@Component
class StaffDigests {

    private final Notices notices;
    private final MailTemplates templates;
    private final OutboxQueue outbox;
    private final Installation installation;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration every;

    StaffDigests(
            Notices notices,
            MailTemplates templates,
            OutboxQueue outbox,
            Installation installation,
            MessageSource messages,
            Clock clock,
            @Value("${tidesk.mail.staff-digest-every:15m}") Duration every) {
        this.notices = notices;
        this.templates = templates;
        this.outbox = outbox;
        this.installation = installation;
        this.messages = messages;
        this.clock = clock;
        this.every = every;
    }

    /** The job: queues the digests due now, each person's once per interval. */
    @Scheduled(
            fixedDelayString = "${tidesk.mail.staff-digest-check:60s}",
            initialDelayString = "${tidesk.mail.staff-digest-check:60s}")
    @SchedulerLock(
            name = "mail-staff-digest",
            lockAtMostFor = "${tidesk.mail.staff-digest-check:60s}",
            lockAtLeastFor = "${tidesk.mail.staff-digest-check:60s}")
    @Transactional
    public void sendDue() {
        Instant now = Instant.now(clock);
        for (Notices.Digest digest : notices.dueDigests(now, every)) {
            Locale locale = Locale.forLanguageTag(digest.language() == null ? "ru" : digest.language());
            List<Line> lines = digest.notices().stream()
                    .map(n -> new Line(
                            messages.getMessage(
                                    n.messageKey(),
                                    n.arguments(key -> messages.getMessage(key, null, "#" + key, locale)),
                                    locale),
                            installation.baseUrl() + n.href(),
                            installation.dateTime(n.createdAt())))
                    .toList();
            Map<String, Object> vars = new HashMap<>();
            vars.put("contact", new Addressee(digest.fullName()));
            vars.put("lines", lines);
            vars.put("link", installation.baseUrl() + "/desk/notifications");
            vars.put("linkLabel", messages.getMessage("mail.digest.all", null, locale));
            vars.put("every", every.toMinutes());
            RenderedMail mail = templates.render("staff-digest", locale, vars, "mail.digest.subject", lines.size());
            outbox.enqueue(
                    "digest:" + digest.staffId() + ":" + digest.lastNoticeId(),
                    null,
                    digest.email(),
                    mail,
                    "auto-generated",
                    now);
            notices.digested(digest, now);
        }
    }

    /** One notice as the digest lists it. */
    record Line(String text, String link, String at) {}

    /** Whom the greeting names. */
    record Addressee(String fullName) {}
}
