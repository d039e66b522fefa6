package dev.tidesk.mail.inbound;

import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.LoopRules;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Turns one stored message into a change of a request, inside the caller's transaction. The mail
 * filters in their order, each handing the mail to the class that knows its kind: too large ({@link
 * TooLargeMail}), our own mail (nothing), a bounce or other automatic mail ({@link DeliveryReports}),
 * a copy of a message taken in before (nothing), an autoreply ({@link AutoReplies}); what is left is a
 * person's mail, the follow-up of a request or a new one ({@link FollowUps}), answered automatically
 * only when the loop rules allow it. What Tidesk itself writes into the request (notes, the text of
 * forwarded mail) is in the installation's language.
 */
@Component
public class InboundProcessor {

    private final MailSettings mail;
    private final AutoMailGuard guard;
    private final Threading threading;
    private final TooLargeMail tooLarge;
    private final DeliveryReports reports;
    private final AutoReplies autoReplies;
    private final FollowUps followUps;

    InboundProcessor(
            MailSettings mail,
            AutoMailGuard guard,
            Threading threading,
            TooLargeMail tooLarge,
            DeliveryReports reports,
            AutoReplies autoReplies,
            FollowUps followUps) {
        this.mail = mail;
        this.guard = guard;
        this.threading = threading;
        this.tooLarge = tooLarge;
        this.reports = reports;
        this.autoReplies = autoReplies;
        this.followUps = followUps;
    }

    public InboundResult process(InboundMail stored, boolean forceNewRequest, Instant now) {
        if (!stored.isSilent()) {
            return processMail(stored, forceNewRequest, now);
        }
        // imported history: nobody is mailed, and what it opens or adds keeps the date it was written
        Instant sent = MailParser.parse(stored.getRaw()).sentAt();
        Instant at = sent != null && sent.isBefore(now) ? sent : now;
        return guard.silently(() -> processMail(stored, forceNewRequest, at));
    }

    private InboundResult processMail(InboundMail stored, boolean forceNewRequest, Instant now) {
        ParsedMail parsed = MailParser.parse(stored.getRaw());
        LoopRules.Result loop = LoopRules.check(parsed, mail.from(), mail.domain());
        if (stored.isTruncated()) {
            return tooLarge.refuse(stored, parsed, loop, now);
        }
        if (loop.verdict() == LoopRules.Verdict.OWN && !forceNewRequest) {
            return InboundResult.ignored("OWN_MAIL", null, "Our own mail: " + loop.reason());
        }
        LoopRules.Kind kind = forceNewRequest ? null : LoopRules.kind(parsed, loop);
        if (kind == LoopRules.Kind.BOUNCE) {
            return reports.bounce(parsed, now);
        }
        boolean reusedId = false;
        if (!forceNewRequest && parsed.messageId() != null) {
            Threading.Seen seen = threading.seen(stored.getId(), parsed.messageId(), stored.getContentSha256());
            if (seen.sameContent()) {
                return InboundResult.ignored("DUPLICATE", seen.ticketId(), "Seen before: " + parsed.messageId());
            }
            reusedId = seen.otherContent();
        }
        if (kind == LoopRules.Kind.AUTO_REPLY) {
            return autoReplies.note(parsed, now);
        }
        if (kind != null) {
            return reports.automatic(kind, parsed, now);
        }
        if (parsed.fromAddress() == null || !parsed.fromAddress().contains("@")) {
            throw new UnprocessableMail("No sender address");
        }
        if (loop.mayAutoReply() && !guard.isSilent()) {
            // a person writes from this address again: it no longer counts as bouncing (done before the
            // request is opened, so that its acknowledgement may go out, and outside the TID counter's lock)
            guard.clearBouncing(parsed.fromAddress());
        }
        boolean reused = reusedId;
        return guard.withoutAutoReplies(
                loop.mayAutoReply() ? null : loop.reason(),
                () -> followUps.take(stored, parsed, forceNewRequest, reused, now));
    }
}
