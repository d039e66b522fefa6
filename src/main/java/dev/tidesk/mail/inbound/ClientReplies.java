package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.trust.AutoMailGuard;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A mail from outside the team that names a request. Only someone who may write there ({@link
 * MailParticipants#mayJoin}) replies into it; a stranger's mail opens a request of their own, with a
 * note on both and nothing mailed. A reply to a request closed more than {@link
 * InboundSettings#reopenDays()} days ago opens a new request linked to it instead of reopening it.
 */
@Component
class ClientReplies {

    private final MailParticipants participants;
    private final NewRequests newRequests;
    private final RequestDesk desk;
    private final InboundBody bodies;
    private final AutoMailGuard guard;
    private final InboundSettings settings;
    private final WrittenText written;

    ClientReplies(
            MailParticipants participants,
            NewRequests newRequests,
            RequestDesk desk,
            InboundBody bodies,
            AutoMailGuard guard,
            InboundSettings settings,
            WrittenText written) {
        this.participants = participants;
        this.newRequests = newRequests;
        this.desk = desk;
        this.bodies = bodies;
        this.guard = guard;
        this.settings = settings;
        this.written = written;
    }

    InboundResult write(TicketView ticket, ParsedMail parsed, Instant now) {
        String from = parsed.fromAddress();
        if (!participants.mayJoin(from, ticket)) {
            return stranger(ticket, parsed, now);
        }
        if (ticket.status() == Status.CLOSED && closedLongAgo(ticket, settings.reopenDays(), now)) {
            return newRequests.followUpOf(ticket, parsed, now);
        }
        InboundBody.Body body = bodies.of(parsed);
        desk.clientReply(ticket.id(), participants.replyAuthor(parsed, ticket), body.text(), body.files(), now);
        participants.bringIn(ticket.id(), parsed, now);
        return InboundResult.done("REPLY", ticket.id());
    }

    /** A stranger names someone else's request: theirs is a new one, and nobody is mailed about it. */
    private InboundResult stranger(TicketView named, ParsedMail parsed, Instant now) {
        String from = parsed.fromAddress();
        TicketView opened =
                guard.withoutAutoReplies("refers to another's request", () -> newRequests.open(parsed, now));
        desk.note(
                opened.id(),
                Actor.system(),
                written.of("mail.written.strangerReference", named.tid(), from),
                List.of());
        desk.note(
                named.id(),
                Actor.system(),
                written.of("mail.written.strangerReferenced", opened.tid(), from),
                List.of());
        return InboundResult.done("NEW_REQUEST", opened.id());
    }

    /**
     * Whether a closed request was settled more than {@code reopenDays} ago: counted from its
     * resolution when it has one (a request resolved long ago and closed by itself since is old news),
     * else from its last change.
     */
    static boolean closedLongAgo(TicketView ticket, int reopenDays, Instant now) {
        Instant closed = ticket.resolvedAt() != null ? ticket.resolvedAt() : ticket.updatedAt();
        return closed != null && closed.plus(Duration.ofDays(reopenDays)).isBefore(now);
    }
}
