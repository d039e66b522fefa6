package dev.tidesk.mail;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tidesk.ticket.RequestQueries;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the request a mail belongs to, in osTicket's order: the Message-IDs in In-Reply-To and
 * References that we sent or received; the signed reference marker in the body; then the
 * {@code [TID-n]} of the subject, which the caller accepts only from a sender who belongs to it.
 */
@Component
class Threading {

    enum How {
        MESSAGE_ID, MARKER, SUBJECT
    }

    record Match(long ticketId, How how) {
    }

    private final JdbcTemplate jdbc;
    private final Pattern ourThreadId;
    private final ReferenceMarker marker;

    private final RequestQueries requests;

    Threading(JdbcTemplate jdbc, RequestQueries requests, MailSettings mail, InboundSettings settings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.ourThreadId = Pattern.compile("<tidesk\\.request\\.(\\d{1,18})@" + Pattern.quote(mail.domain()) + ">",
                Pattern.CASE_INSENSITIVE);
        this.marker = new ReferenceMarker(settings.markerSecret());
    }

    ReferenceMarker marker() {
        return marker;
    }

    /** The request by Message-IDs or the body marker; the subject is the caller's last resort. */
    Optional<Match> byReferences(ParsedMail mail) {
        for (String id : mail.referencedIds()) {
            OptionalLong t = ticketOfMessageId(id);
            if (t.isPresent()) {
                return Optional.of(new Match(t.getAsLong(), How.MESSAGE_ID));
            }
        }
        OptionalLong fromMarker = marker.find(mail.text());
        if (fromMarker.isEmpty() && mail.html() != null) {
            fromMarker = marker.find(mail.html());
        }
        if (fromMarker.isPresent() && exists(fromMarker.getAsLong())) {
            return Optional.of(new Match(fromMarker.getAsLong(), How.MARKER));
        }
        return Optional.empty();
    }

    OptionalLong ticketOfMessageId(String id) {
        Matcher m = ourThreadId.matcher(id);
        if (m.matches()) {
            long ticketId = Long.parseLong(m.group(1));
            return exists(ticketId) ? OptionalLong.of(ticketId) : OptionalLong.empty();
        }
        List<Long> found = jdbc.queryForList("""
                select ticket_id from mail_outbox where message_id = ? and ticket_id is not null
                union all select ticket_id from mail_thread_ref where message_id = ? limit 1""", Long.class, id, id);
        return found.isEmpty() ? OptionalLong.empty() : OptionalLong.of(found.get(0));
    }

    /** Keeps a Message-ID we received with its request, so replies to it find the request. */
    void remember(String messageId, long ticketId) {
        if (messageId != null) {
            jdbc.update("insert into mail_thread_ref (message_id, ticket_id) values (?, ?) on conflict do nothing",
                    messageId, ticketId);
        }
    }

    /** The address wrote to this request before (by mail). */
    boolean senderWroteTo(long ticketId, String address) {
        Integer n = jdbc.queryForObject("""
                select count(*) from mail_inbound where ticket_id = ? and lower(from_address) = lower(?)
                and status = 'PROCESSED'""", Integer.class, ticketId, address);
        return n != null && n > 0;
    }

    private boolean exists(long ticketId) {
        return requests.findTicket(ticketId).isPresent();
    }
}
