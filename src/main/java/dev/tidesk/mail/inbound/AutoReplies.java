package dev.tidesk.mail.inbound;

import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * An out-of-office or other autoreply: a note on the request it answers, without reopening it and
 * without an answer; otherwise nothing. The request is found by Message-IDs or our marker, else by
 * the TID in the subject when the sender may write into that request (autoresponders that keep no
 * references), the same rule as for a person's mail.
 */
@Component
class AutoReplies {

    /** The longest part of an autoreply's text kept in the note. */
    static final int MAX_TEXT = 4000;

    private final Threading threading;
    private final MailParticipants participants;
    private final RequestDesk desk;
    private final WrittenText written;

    AutoReplies(Threading threading, MailParticipants participants, RequestDesk desk, WrittenText written) {
        this.threading = threading;
        this.participants = participants;
        this.desk = desk;
        this.written = written;
    }

    InboundResult note(ParsedMail parsed, Instant now) {
        OptionalLong found = threading
                .byReferences(parsed)
                .map(m -> OptionalLong.of(m.ticketId()))
                .orElseGet(() -> threading
                        .bySubject(parsed)
                        .filter(t -> parsed.fromAddress() != null && participants.mayJoin(parsed.fromAddress(), t))
                        .map(t -> OptionalLong.of(t.id()))
                        .orElse(OptionalLong.empty()));
        if (found.isEmpty()) {
            return InboundResult.ignored("AUTO_REPLY", null, "Autoreply to no known request");
        }
        long ticketId = found.getAsLong();
        String text = QuotedHistory.strip(parsed.text());
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT) + "…";
        }
        desk.note(
                ticketId,
                Actor.system(),
                written.of(
                        "mail.written.autoReply",
                        parsed.fromAddress() == null ? "?" : parsed.fromAddress(),
                        parsed.subject(),
                        text),
                List.of(),
                now);
        threading.remember(parsed.messageId(), ticketId);
        return InboundResult.done("AUTO_REPLY", ticketId);
    }
}
