package dev.tidesk.mail.inbound;

import dev.tidesk.customer.ContactView;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
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
    private final Customers customers;
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
    private final MailSigning signing;
    private final DeliveryReports reports;
    private final InboundBody bodies;
    private final dev.tidesk.team.ClientContact clientContact;
    private final dev.tidesk.ticket.CcList copies;

    InboundProcessor(
            Threading threading,
            AutoMailGuard guard,
            Customers customers,
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
            MailSigning signing,
            DeliveryReports reports,
            InboundBody bodies,
            dev.tidesk.team.ClientContact clientContact,
            dev.tidesk.ticket.CcList copies) {
        this.clientContact = clientContact;
        this.copies = copies;
        this.reports = reports;
        this.bodies = bodies;
        this.signing = signing;
        this.threading = threading;
        this.guard = guard;
        this.customers = customers;
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
            threading.addParticipants(created.ticketId(), recipients(parsed));
            suggestColleagues(created.ticketId(), parsed, now);
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
        if (!mayJoin(from, ticket)) {
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
            threading.addParticipants(created.ticketId(), recipients(parsed));
            suggestColleagues(created.ticketId(), parsed, now);
            return new Result("NEW_LINKED", created.ticketId(), false, null);
        }
        desk.clientReply(ticket.id(), replyAuthor(parsed, ticket), body.text(), body.files(), now);
        threading.addParticipants(ticket.id(), recipients(parsed));
        suggestColleagues(ticket.id(), parsed, now);
        return Result.done("REPLY", ticket.id());
    }

    /**
     * The client's colleagues in the Cc of a mail that joined the request, offered to staff for the
     * request's CC list, never added: a known contact of the request's organization, or an address at
     * the organization's own mail domain. The header is the sender's word, so it only ever suggests;
     * names are the directory's, never the header's. One-off clients (the triage organization) have no
     * colleagues. Imported history suggests nothing.
     */
    private void suggestColleagues(long ticketId, ParsedMail parsed, Instant now) {
        if (guard.isSilent()) {
            return;
        }
        TicketView ticket = requests.ticket(ticketId);
        Long organizationId = ticket.organizationId();
        if (organizationId == null
                || customers
                        .organizationByName(settings.triageOrganization())
                        .filter(o -> o.id() == organizationId)
                        .isPresent()) {
            return;
        }
        List<String> cc = MailParser.addresses(parsed.header("cc"));
        Set<String> own = Set.copyOf(recipients(parsed));
        int offered = 0;
        for (String address : cc) {
            if (offered >= 20) {
                break;
            }
            if (address == null || !address.contains("@") || address.length() > 254 || !own.contains(address)) {
                // not a client's address (ours, a colleague of ours) or not one address
                continue;
            }
            Optional<ContactView> contact = customers.contactByEmail(address);
            boolean colleague = contact.isPresent()
                    ? contact.get().organizationId() == organizationId
                    : customers
                            .organizationByEmailDomain(address.substring(address.indexOf('@') + 1))
                            .filter(o -> o.id() == organizationId)
                            .isPresent();
            if (colleague) {
                copies.suggest(ticketId, address, contact.map(ContactView::id).orElse(null), now);
                offered++;
            }
        }
    }

    /** The sender and the addresses they wrote to besides us: those they bring into the conversation. */
    private List<String> recipients(ParsedMail parsed) {
        List<String> all = new ArrayList<>();
        all.add(parsed.fromAddress());
        all.addAll(MailParser.addresses(parsed.header("to")));
        all.addAll(MailParser.addresses(parsed.header("cc")));
        String ownDomain = "@" + mail.domain().toLowerCase(Locale.ROOT);
        String ownFrom = mail.from().toLowerCase(Locale.ROOT);
        String ownLocal = ownFrom.substring(0, ownFrom.indexOf('@'));
        String ownHost = ownFrom.substring(ownFrom.indexOf('@'));
        return all.stream()
                .filter(a -> a != null
                        && !a.endsWith(ownDomain)
                        && !a.equals(ownFrom)
                        && !(a.startsWith(ownLocal + mail.replySeparator()) && a.endsWith(ownHost))
                        && staff.byEmail(a).isEmpty())
                .distinct()
                .toList();
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

    /**
     * Who may write into a request by mail: its contact, a contact of its organization (or a newcomer
     * from the organization's own mail domain, who becomes one), an address copied on the request
     * (CC), or an address that a mail accepted by this rule brought into the conversation. A
     * deactivated contact's address is a stranger's.
     */
    private boolean mayJoin(String from, TicketView ticket) {
        Optional<ContactView> contact = customers.contactByEmail(from);
        if (ticket.contactEmail() != null && ticket.contactEmail().equalsIgnoreCase(from) && contact.isPresent()) {
            return true;
        }
        if (contact.isPresent()
                && ticket.organizationId() != null
                && contact.get().organizationId() == ticket.organizationId()) {
            return true;
        }
        if (contact.isEmpty() && ticket.organizationId() != null) {
            // not a contact yet, but from the organization's own domain: becomes its contact
            String domain = from.substring(from.indexOf('@') + 1);
            if (customers
                    .organizationByEmailDomain(domain)
                    .filter(o -> o.id() == ticket.organizationId())
                    .isPresent()) {
                return true;
            }
        }
        // a deactivated contact is a stranger now: what they wrote before does not let them in again
        if (customers.deactivatedAddress(from)) {
            return false;
        }
        // copied on the request (CC): trusted for this request only
        return copies.isCopied(ticket.id(), from) || threading.isParticipant(ticket.id(), from);
    }

    private Actor replyAuthor(ParsedMail parsed, TicketView ticket) {
        Optional<ContactView> contact = customers.contactByEmail(parsed.fromAddress());
        if (contact.isPresent()) {
            return Actor.contact(contact.get().id(), contact.get().fullName());
        }
        String name = parsed.fromName() == null || parsed.fromName().isBlank()
                ? parsed.fromAddress()
                : parsed.fromName() + " <" + parsed.fromAddress() + ">";
        return new Actor(name, null, null);
    }

    private Result newRequest(ParsedMail parsed, TicketView linkedTo, Instant now) {
        ContactView contact = contact(parsed);
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
     * The sender as a contact: a known contact; a new contact of the organization whose domain
     * the address has; otherwise a one-off client filed under the triage organization (R7).
     */
    private ContactView contact(ParsedMail parsed) {
        String from = parsed.fromAddress();
        Optional<ContactView> known = customers.contactByEmail(from);
        if (known.isPresent()) {
            return known.get();
        }
        String domain = from.substring(from.indexOf('@') + 1);
        String language = parsed.text() != null && parsed.text().matches("(?s).*[А-Яа-яЁё].*")
                        || parsed.subject().matches("(?s).*[А-Яа-яЁё].*")
                ? "ru"
                : "en";
        String name = parsed.fromName() == null || parsed.fromName().isBlank() ? from : parsed.fromName();
        name = name.length() > 200 ? name.substring(0, 200) : name;
        OrganizationView organization = customers
                .organizationByEmailDomain(domain)
                .orElseGet(() -> customers.organizationNamed(settings.triageOrganization()));
        return customers.createContact(organization.id(), name, from, null, language);
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
                        .filter(t -> parsed.fromAddress() != null && mayJoin(parsed.fromAddress(), t))
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
