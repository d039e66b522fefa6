package dev.tidesk.mail.inbound;

import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.InternetHeaders;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A person's mail, once the filters let it through: the follow-up of the request it names, or a new
 * request. The threading rule is the same for every way a mail can name a request (reply address,
 * In-Reply-To/References, body marker, subject TID; {@link Threading}): a staff sender's mail goes
 * to {@link StaffReplies}, anyone else's to {@link ClientReplies}, which decide what it may do there.
 * A mail that names no request opens one; from staff it is refused, since staff open no request by
 * mail.
 */
@Component
class FollowUps {

    private final Threading threading;
    private final StaffDirectory staff;
    private final RequestQueries requests;
    private final StaffReplies staffReplies;
    private final ClientReplies clientReplies;
    private final NewRequests newRequests;
    private final RequestDesk desk;
    private final WrittenText written;

    FollowUps(
            Threading threading,
            StaffDirectory staff,
            RequestQueries requests,
            StaffReplies staffReplies,
            ClientReplies clientReplies,
            NewRequests newRequests,
            RequestDesk desk,
            WrittenText written) {
        this.threading = threading;
        this.staff = staff;
        this.requests = requests;
        this.staffReplies = staffReplies;
        this.clientReplies = clientReplies;
        this.newRequests = newRequests;
        this.desk = desk;
        this.written = written;
    }

    /**
     * @param forceNewRequest an admin takes the mail in as a request of its own, whatever it names
     * @param reusedMessageId another message came in earlier with the same Message-ID
     */
    InboundResult take(
            InboundMail stored, ParsedMail parsed, boolean forceNewRequest, boolean reusedMessageId, Instant now) {
        InboundResult result = forceNewRequest
                ? InboundResult.done(
                        "NEW_REQUEST", newRequests.open(parsed, now).id())
                : route(stored, parsed, now);
        if (result.ticketId() != null && reusedMessageId) {
            // the Message-ID keeps leading to the request of the message that had it first
            desk.note(
                    result.ticketId(),
                    Actor.system(),
                    written.of("mail.written.reusedMessageId", parsed.messageId()),
                    List.of(),
                    now);
        } else if (result.ticketId() != null) {
            threading.remember(parsed.messageId(), result.ticketId());
        }
        return result;
    }

    private InboundResult route(InboundMail stored, ParsedMail parsed, Instant now) {
        String from = parsed.fromAddress();
        Optional<StaffView> member = staff.byEmail(from);
        InternetHeaders headers = MailParser.headers(stored.getRaw());
        Optional<Threading.Match> match =
                threading.find(parsed, headers, member.map(StaffView::id).orElse(null));
        if (match.isEmpty()) {
            if (member.isPresent()) {
                throw new UnprocessableMail("Mail from staff member " + from + " belongs to no request");
            }
            return newRequests.openConversation(parsed, now);
        }
        // a merged request's TID, Message-IDs and marker reach the request it was merged into
        TicketView ticket = requests.survivor(match.get().ticketId());
        if (member.isPresent()) {
            return staffReplies.write(ticket, member.get(), match.get().how(), headers, parsed, now);
        }
        return clientReplies.write(ticket, parsed, now);
    }
}
