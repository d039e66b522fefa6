package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundSettings;
import dev.tidesk.mail.trust.SenderProof;
import dev.tidesk.team.ClientContact;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.InternetHeaders;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A mail from a staff member's address into a request. The address alone proves nothing: only mail
 * to their own reply address for the request, or vouched for by the trusted mail server ({@link
 * SenderProof}), speaks for them; anything else stays an internal note that names the claim. A proven
 * mail is a reply to the client when their role talks to clients ({@link ClientContact}), otherwise
 * an internal note, as on the request page.
 */
@Component
class StaffReplies {

    private final RequestDesk desk;
    private final InboundBody bodies;
    private final ClientContact clientContact;
    private final InboundSettings settings;
    private final WrittenText written;

    StaffReplies(
            RequestDesk desk,
            InboundBody bodies,
            ClientContact clientContact,
            InboundSettings settings,
            WrittenText written) {
        this.desk = desk;
        this.bodies = bodies;
        this.clientContact = clientContact;
        this.settings = settings;
        this.written = written;
    }

    InboundResult write(
            TicketView ticket,
            StaffView member,
            Threading.How how,
            InternetHeaders headers,
            ParsedMail parsed,
            Instant now) {
        String from = parsed.fromAddress();
        InboundBody.Body body = bodies.of(parsed);
        boolean proven = how == Threading.How.REPLY_ADDRESS
                || SenderProof.authenticated(headers, settings.trustedAuthservId(), from);
        if (!proven) {
            desk.note(
                    ticket.id(),
                    Actor.system(),
                    written.of("mail.written.unverifiedStaff", member.fullName() + " <" + from + ">", body.text()),
                    body.files(),
                    now);
            return InboundResult.done("UNVERIFIED_STAFF", ticket.id());
        }
        Actor author = Actor.staff(member.id(), member.fullName());
        if (!clientContact.mayReply(member.role())) {
            // a specialist's mail stays behind support, as on the request page: an internal note
            desk.note(ticket.id(), author, body.text(), body.files(), now);
            return InboundResult.done("STAFF_NOTE", ticket.id());
        }
        desk.reply(ticket.id(), author, body.text(), body.files(), now);
        return InboundResult.done("STAFF_REPLY", ticket.id());
    }
}
