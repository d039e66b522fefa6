package dev.tidesk.mail.inbound;

import dev.tidesk.customer.ContactView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketSettings;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A mail that opens a request: its sender as the contact (a new one when needed, see {@link
 * MailParticipants#contact}), its subject without our TID (or a written "no subject"), its text and
 * files, by e-mail and of normal urgency. A mail that joins no request brings its To and Cc into the
 * new request's conversation; one that follows up a request closed long ago opens a new request
 * linked to the old one, with a note on each.
 */
@Component
class NewRequests {

    private final RequestIntake intake;
    private final RequestDesk desk;
    private final MailParticipants participants;
    private final InboundBody bodies;
    private final TicketSettings ticketSettings;
    private final WrittenText written;

    NewRequests(
            RequestIntake intake,
            RequestDesk desk,
            MailParticipants participants,
            InboundBody bodies,
            TicketSettings ticketSettings,
            WrittenText written) {
        this.intake = intake;
        this.desk = desk;
        this.participants = participants;
        this.bodies = bodies;
        this.ticketSettings = ticketSettings;
        this.written = written;
    }

    /** The mail as a request of its own, and nothing more (an admin's "as a new request", a stranger's). */
    TicketView open(ParsedMail parsed, Instant now) {
        ContactView contact = participants.contact(parsed);
        InboundBody.Body body = bodies.of(parsed);
        String subject = Subjects.forRequest(parsed.subject(), ticketSettings.tidPrefix());
        if (subject.isBlank()) {
            subject = written.of("mail.written.noSubject");
        }
        return intake.open(
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
    }

    /** A mail that names no request: a new one, with whoever the mail brings into the conversation. */
    InboundResult openConversation(ParsedMail parsed, Instant now) {
        TicketView created = open(parsed, now);
        participants.bringIn(created.id(), parsed, now);
        return InboundResult.done("NEW_REQUEST", created.id());
    }

    /**
     * A client's mail to a request closed long ago: a new request linked to the old one (a note on
     * each names the other), with whoever the mail brings into the conversation.
     */
    InboundResult followUpOf(TicketView closed, ParsedMail parsed, Instant now) {
        TicketView created = open(parsed, now);
        desk.note(created.id(), Actor.system(), written.of("mail.written.linkedNew", closed.tid()), List.of());
        desk.note(closed.id(), Actor.system(), written.of("mail.written.linkedOld", created.tid()), List.of());
        participants.bringIn(created.id(), parsed, now);
        return InboundResult.done("NEW_LINKED", created.id());
    }
}
