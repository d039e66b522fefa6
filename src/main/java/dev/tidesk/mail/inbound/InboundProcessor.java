package dev.tidesk.mail.inbound;

import dev.tidesk.customer.ContactView;
import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.outbound.MailTemplates;
import dev.tidesk.mail.outbound.OutboxQueue;
import dev.tidesk.mail.outbound.RenderedMail;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.mail.trust.LoopRules;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.mail.trust.SenderProof;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketSettings;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import jakarta.mail.internet.InternetHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Turns one stored message into a change of a request, inside the caller's transaction: a reply
 * to the request it belongs to, a new request, a note about a bounce, or nothing for our own mail.
 * What Tidesk itself writes into the request (notes, the text of forwarded mail) is in the
 * installation's language.
 */
@Component
public class InboundProcessor {

    static final int MAX_BODY = 99_000;

    private final Threading threading;
    private final AutoMailGuard guard;
    private final StaffDirectory staff;
    private final RequestIntake intake;
    private final RequestDesk desk;
    private final RequestQueries requests;
    private final TicketSettings ticketSettings;
    private final InboundSettings settings;
    private final MailSettings mail;
    private final OutboxQueue outbox;
    private final MailTemplates templates;
    private final Installation installation;
    private final DeliveryReports reports;
    private final InboundBody bodies;
    private final dev.tidesk.team.ClientContact clientContact;
    private final MailParticipants participants;
    private final MailSigning signing;

    InboundProcessor(
            Threading threading,
            AutoMailGuard guard,
            StaffDirectory staff,
            RequestIntake intake,
            RequestDesk desk,
            RequestQueries requests,
            TicketSettings ticketSettings,
            InboundSettings settings,
            MailSettings mail,
            OutboxQueue outbox,
            MailTemplates templates,
            Installation installation,
            DeliveryReports reports,
            InboundBody bodies,
            dev.tidesk.team.ClientContact clientContact,
            MailSigning signing,
            MailParticipants participants) {
        this.clientContact = clientContact;
        this.participants = participants;
        this.signing = signing;
        this.reports = reports;
        this.bodies = bodies;
        this.threading = threading;
        this.guard = guard;
        this.staff = staff;
        this.intake = intake;
        this.desk = desk;
        this.requests = requests;
        this.ticketSettings = ticketSettings;
        this.settings = settings;
        this.mail = mail;
        this.outbox = outbox;
        this.templates = templates;
        this.installation = installation;
    }

    /** A text Tidesk writes into a request, from the bundles in the installation's language. */
    private String written(String key, Object... args) {
        return templates.message(key, installation.locale(), args);
    }

    /** What became of a message. */
    public record Result(String outcome, Long ticketId, boolean ignored, String reason) {

        static Result done(String outcome, Long ticketId) {
            return new Result(outcome, ticketId, false, null);
        }

        static Result ignored(String outcome, Long ticketId, String reason) {
            return new Result(outcome, ticketId, true, reason);
        }
    }

    public Result process(InboundMail stored, boolean forceNewRequest, Instant now) {
        if (!stored.isSilent()) {
            return processMail(stored, forceNewRequest, now);
        }
        // imported history: nobody is mailed, and what it opens or adds keeps the date it was written
        Instant sent = MailParser.parse(stored.getRaw()).sentAt();
        Instant at = sent != null && sent.isBefore(now) ? sent : now;
        return guard.silently(() -> processMail(stored, forceNewRequest, at));
    }

    private Result processMail(InboundMail stored, boolean forceNewRequest, Instant now) {
        ParsedMail parsed = MailParser.parse(stored.getRaw());
        LoopRules.Result loop = LoopRules.check(parsed, mail.from(), mail.domain());
        if (stored.isTruncated()) {
            return tooLarge(stored, parsed, loop, now);
        }
        if (loop.verdict() == LoopRules.Verdict.OWN && !forceNewRequest) {
            return Result.ignored("OWN_MAIL", null, "Our own mail: " + loop.reason());
        }
        LoopRules.Kind kind = forceNewRequest ? null : LoopRules.kind(parsed, loop);
        if (kind == LoopRules.Kind.BOUNCE) {
            return reports.bounce(parsed, now);
        }
        boolean reusedId = false;
        if (!forceNewRequest && parsed.messageId() != null) {
            Threading.Seen seen = threading.seen(stored.getId(), parsed.messageId(), stored.getContentSha256());
            if (seen.sameContent()) {
                return Result.ignored("DUPLICATE", seen.ticketId(), "Seen before: " + parsed.messageId());
            }
            reusedId = seen.otherContent();
        }
        if (kind == LoopRules.Kind.AUTO_REPLY) {
            return autoReply(parsed, now);
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
        Result result = guard.withoutAutoReplies(
                loop.mayAutoReply() ? null : loop.reason(),
                () -> forceNewRequest ? newRequest(parsed, null, now) : route(stored, parsed, now));
        if (result.ticketId() != null && reusedId) {
            // the Message-ID keeps leading to the request of the message that had it first
            desk.note(
                    result.ticketId(),
                    Actor.system(),
                    written("mail.written.reusedMessageId", parsed.messageId()),
                    List.of(),
                    now);
        } else if (result.ticketId() != null) {
            threading.remember(parsed.messageId(), result.ticketId());
        }
        return result;
    }

    /**
     * The threading rule, the same for every way a mail can name a request (reply address,
     * In-Reply-To/References, body marker, subject TID): the mail joins the request only when its
     * sender may write there ({@link #mayJoin}); a staff sender only when proven ({@link SenderProof}).
     * Otherwise a stranger's mail opens a new request with a note for staff, and nothing is mailed; an
     * unproven staff claim stays an internal note.
     */
    private Result route(InboundMail stored, ParsedMail parsed, Instant now) {
        String from = parsed.fromAddress();
        Optional<StaffView> member = staff.byEmail(from);
        InternetHeaders headers = MailParser.headers(stored.getRaw());
        Optional<Threading.Match> match = Optional.empty();
        if (member.isPresent()) {
            match = SenderProof.replyAddressTicket(
                            headers, signing, member.get().id())
                    .filter(id -> requests.findTicket(id).isPresent())
                    .map(id -> new Threading.Match(id, Threading.How.REPLY_ADDRESS));
        }
        if (match.isEmpty()) {
            match = threading.byReferences(parsed);
        }
        if (match.isEmpty()) {
            match = mentionedInSubject(parsed).map(t -> new Threading.Match(t.id(), Threading.How.SUBJECT));
        }
        if (match.isEmpty()) {
            if (member.isPresent()) {
                throw new UnprocessableMail("Mail from staff member " + from + " belongs to no request");
            }
            Result created = newRequest(parsed, null, now);
            threading.addParticipants(created.ticketId(), participants.recipients(parsed));
            participants.suggestColleagues(created.ticketId(), parsed, now);
            return created;
        }
        // a merged request's TID, Message-IDs and marker reach the request it was merged into
        TicketView ticket = requests.survivor(match.get().ticketId());
        InboundBody.Body body = bodies.of(parsed);
        if (member.isPresent()) {
            StaffView s = member.get();
            boolean proven = match.get().how() == Threading.How.REPLY_ADDRESS
                    || SenderProof.authenticated(headers, settings.trustedAuthservId(), from);
            if (!proven) {
                desk.note(
                        ticket.id(),
                        Actor.system(),
                        written("mail.written.unverifiedStaff", s.fullName() + " <" + from + ">", body.text()),
                        body.files(),
                        now);
                return Result.done("UNVERIFIED_STAFF", ticket.id());
            }
            if (!clientContact.mayReply(s.role())) {
                // a specialist's mail stays behind support, as on the request page: an internal note
                desk.note(ticket.id(), Actor.staff(s.id(), s.fullName()), body.text(), body.files(), now);
                return Result.done("STAFF_NOTE", ticket.id());
            }
            desk.reply(ticket.id(), Actor.staff(s.id(), s.fullName()), body.text(), body.files(), now);
            return Result.done("STAFF_REPLY", ticket.id());
        }
        if (!participants.mayJoin(from, ticket)) {
            // a stranger names someone else's request: theirs is a new one, and nobody is mailed about it
            Result created =
                    guard.withoutAutoReplies("refers to another's request", () -> newRequest(parsed, null, now));
            TicketView opened = requests.findTicket(created.ticketId()).orElseThrow();
            desk.note(
                    opened.id(),
                    Actor.system(),
                    written("mail.written.strangerReference", ticket.tid(), from),
                    List.of());
            desk.note(
                    ticket.id(),
                    Actor.system(),
                    written("mail.written.strangerReferenced", opened.tid(), from),
                    List.of());
            return created;
        }
        if (ticket.status() == Status.CLOSED && closedLongAgo(ticket, now)) {
            Result created = newRequest(parsed, ticket, now);
            threading.addParticipants(created.ticketId(), participants.recipients(parsed));
            participants.suggestColleagues(created.ticketId(), parsed, now);
            return new Result("NEW_LINKED", created.ticketId(), false, null);
        }
        desk.clientReply(ticket.id(), participants.replyAuthor(parsed, ticket), body.text(), body.files(), now);
        threading.addParticipants(ticket.id(), participants.recipients(parsed));
        participants.suggestColleagues(ticket.id(), parsed, now);
        return Result.done("REPLY", ticket.id());
    }

    /** The request whose TID the subject carries, if it exists. */
    private Optional<TicketView> mentionedInSubject(ParsedMail parsed) {
        return Subjects.tid(parsed.subject(), ticketSettings.tidPrefix()).flatMap(requests::findByTid);
    }

    private boolean closedLongAgo(TicketView ticket, Instant now) {
        Instant closed = ticket.resolvedAt() != null ? ticket.resolvedAt() : ticket.updatedAt();
        return closed != null
                && closed.plus(Duration.ofDays(settings.reopenDays())).isBefore(now);
    }

    private Result newRequest(ParsedMail parsed, TicketView linkedTo, Instant now) {
        ContactView contact = participants.contact(parsed);
        InboundBody.Body body = bodies.of(parsed);
        String subject = Subjects.forRequest(parsed.subject(), ticketSettings.tidPrefix());
        if (subject.isBlank()) {
            subject = written("mail.written.noSubject");
        }
        TicketView created = intake.open(
                new NewRequest(
                        subject,
                        body.text(),
                        contact.id(),
                        null,
                        Channel.EMAIL,
                        Urgency.NORMAL,
                        body.files(),
                        Actor.contact(contact.id(), contact.fullName())),
                now);
        if (linkedTo != null) {
            desk.note(created.id(), Actor.system(), written("mail.written.linkedNew", linkedTo.tid()), List.of());
            desk.note(linkedTo.id(), Actor.system(), written("mail.written.linkedOld", created.tid()), List.of());
        }
        return Result.done("NEW_REQUEST", created.id());
    }

    /**
     * An out-of-office or other autoreply: a note on the request it answers, without reopening it;
     * otherwise nothing. The request is found by Message-IDs or our marker, else by the TID in the
     * subject when the sender belongs to that request (autoresponders that keep no references).
     */
    private Result autoReply(ParsedMail parsed, Instant now) {
        OptionalLong found = threading
                .byReferences(parsed)
                .map(m -> OptionalLong.of(m.ticketId()))
                .orElseGet(() -> mentionedInSubject(parsed)
                        .filter(t -> parsed.fromAddress() != null && participants.mayJoin(parsed.fromAddress(), t))
                        .map(t -> OptionalLong.of(t.id()))
                        .orElse(OptionalLong.empty()));
        if (found.isEmpty()) {
            return Result.ignored("AUTO_REPLY", null, "Autoreply to no known request");
        }
        long ticketId = found.getAsLong();
        String text = QuotedHistory.strip(parsed.text());
        if (text.length() > 4000) {
            text = text.substring(0, 4000) + "…";
        }
        desk.note(
                ticketId,
                Actor.system(),
                written(
                        "mail.written.autoReply",
                        parsed.fromAddress() == null ? "?" : parsed.fromAddress(),
                        parsed.subject(),
                        text),
                List.of(),
                now);
        threading.remember(parsed.messageId(), ticketId);
        return Result.done("AUTO_REPLY", ticketId);
    }

    private Result tooLarge(InboundMail stored, ParsedMail parsed, LoopRules.Result loop, Instant now) {
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
        return Result.ignored("TOO_LARGE", null, "Larger than " + settings.maxSizeBytes() + " bytes");
    }
}
