package dev.tidesk.mail.inbound;

import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.LoopRules;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Mail that reports on other mail: delivery failures, feedback (abuse) reports, mailing-list and
 * no-reply mail. None becomes a request or is answered; each is a note on the request of the mail
 * it refers to, when Tidesk can prove which one that is.
 */
@Component
class DeliveryReports {

    private final Threading threading;
    private final AutoMailGuard guard;
    private final RequestDesk desk;
    private final MailSettings mail;
    private final WrittenText written;
    private final RequestQueries requests;

    DeliveryReports(
            Threading threading,
            AutoMailGuard guard,
            RequestDesk desk,
            MailSettings mail,
            WrittenText written,
            RequestQueries requests) {
        this.requests = requests;
        this.threading = threading;
        this.guard = guard;
        this.desk = desk;
        this.mail = mail;
        this.written = written;
    }

    /**
     * A delivery failure: a note on the request of the mail that failed, without reopening it. The
     * address is marked as bouncing only when the report refers to a mail that Tidesk really sent
     * to it (our Message-ID in the report, the returned message or its headers): anyone can write a
     * bounce, but only the receiving side of our mail knows its random Message-ID.
     */
    InboundResult bounce(ParsedMail parsed, Instant now) {
        ParsedMail.Dsn dsn = parsed.dsn();
        List<String> ids = new ArrayList<>();
        if (dsn != null && dsn.originalMessageId() != null) {
            ids.add(dsn.originalMessageId());
        }
        ids.addAll(parsed.referencedIds());
        ids.addAll(ourIdsIn(parsed));
        Optional<Threading.SentMail> sent = threading.sentMail(ids);
        Long ticketId = sent.map(Threading.SentMail::ticketId).orElse(null);
        if (ticketId == null) {
            for (String id : ids) {
                var t = threading.ticketOfMessageId(id);
                if (t.isPresent()) {
                    ticketId = t.getAsLong();
                    break;
                }
            }
        }
        String named = dsn == null ? null : dsn.finalRecipient();
        String failedHeader = parsed.header("x-failed-recipients");
        if (named == null && failedHeader != null) {
            named = MailParser.addresses(failedHeader).stream().findFirst().orElse(null);
        }
        boolean failed = dsn == null
                || dsn.action() == null
                || dsn.action().toLowerCase(Locale.ROOT).startsWith("fail")
                || (dsn.status() != null && dsn.status().startsWith("5"));
        // the address is the one our mail went to; a report that names another proves nothing about it
        String recipient = sent.map(Threading.SentMail::recipient)
                .filter(r -> dsn == null || dsn.finalRecipient() == null || r.equalsIgnoreCase(dsn.finalRecipient()))
                .orElse(null);
        String reason = dsn == null
                ? parsed.subject()
                : String.join(" ", nonNull(dsn.action(), dsn.status(), dsn.diagnostic()));
        if (recipient != null && failed) {
            guard.markBouncing(recipient, reason, ticketId, now);
        }
        if (ticketId == null) {
            return InboundResult.ignored("BOUNCE", null, "Bounce for no known request: " + reason);
        }
        // a merged request's mail is noted where its conversation went
        ticketId = requests.survivorId(ticketId);
        String shown = recipient != null ? recipient : named;
        desk.note(
                ticketId,
                Actor.system(),
                shown == null
                        ? written.of("mail.written.bounce", reason)
                        : written.of("mail.written.bounceTo", shown, reason),
                List.of(),
                now);
        return InboundResult.done("BOUNCE", ticketId);
    }

    /** Message-IDs in our domain anywhere in a report: its text and the returned message or headers. */
    List<String> ourIdsIn(ParsedMail parsed) {
        java.util.regex.Pattern ours = java.util.regex.Pattern.compile(
                "<[^<>\\s]{1,200}@" + java.util.regex.Pattern.quote(mail.domain()) + ">",
                java.util.regex.Pattern.CASE_INSENSITIVE);
        List<String> found = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(parsed.text());
        for (ParsedMail.Part part : parsed.attachments()) {
            String type = part.contentType() == null ? "" : part.contentType().toLowerCase(Locale.ROOT);
            if (type.startsWith("message/") || type.startsWith("text/")) {
                texts.add(new String(
                        part.content(),
                        0,
                        Math.min(part.content().length, 128 * 1024),
                        java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            java.util.regex.Matcher m = ours.matcher(text);
            while (m.find() && found.size() < 50) {
                found.add(m.group());
            }
        }
        return found;
    }

    /**
     * A feedback (abuse) report, mailing-list or no-reply mail: never a request, never answered; a note
     * on the request of the message it refers to (by our Message-IDs or marker), when there is one.
     */
    InboundResult automatic(LoopRules.Kind kind, ParsedMail parsed, Instant now) {
        Optional<Long> found = threading
                .byReferences(parsed)
                .map(Threading.Match::ticketId)
                .or(() -> threading.sentMail(ourIdsIn(parsed)).map(Threading.SentMail::ticketId))
                .map(requests::survivorId);
        if (found.isEmpty()) {
            return InboundResult.ignored(kind.name(), null, "Automatic mail (" + kind + ") about no known request");
        }
        String text = QuotedHistory.strip(parsed.text());
        if (text.length() > 4000) {
            text = text.substring(0, 4000) + "…";
        }
        desk.note(
                found.get(),
                Actor.system(),
                written.of(
                        "mail.written.automatic",
                        written.of("mail.outcome." + kind.name()),
                        parsed.fromAddress() == null ? "?" : parsed.fromAddress(),
                        parsed.subject(),
                        text),
                List.of(),
                now);
        return InboundResult.done(kind.name(), found.get());
    }

    private static String[] nonNull(String... values) {
        return java.util.Arrays.stream(values)
                .filter(v -> v != null && !v.isBlank())
                .toArray(String[]::new);
    }
}
