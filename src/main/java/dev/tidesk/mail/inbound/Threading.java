package dev.tidesk.mail.inbound;

import dev.tidesk.mail.MailSettings;
import dev.tidesk.mail.trust.MailSigning;
import dev.tidesk.mail.trust.ReferenceMarker;
import dev.tidesk.mail.trust.SenderProof;
import dev.tidesk.ticket.CcRemoved;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestsMerged;
import dev.tidesk.ticket.TicketSettings;
import dev.tidesk.ticket.TicketView;
import jakarta.mail.internet.InternetHeaders;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the request a mail refers to, in osTicket's order: a staff member's own reply address for
 * the request; the Message-IDs in In-Reply-To and References that we sent or received; the signed
 * reference marker in the body; then the {@code [TID-n]} of the subject. None of these says who may
 * write there: the caller applies the same rule to every match ({@link FollowUps}), and this class
 * keeps who is on a request.
 */
@Component
class Threading {

    enum How {
        MESSAGE_ID,
        MARKER,
        SUBJECT,
        REPLY_ADDRESS
    }

    record Match(long ticketId, How how) {}

    private final JdbcTemplate jdbc;
    private final Pattern ourThreadId;
    private final ReferenceMarker marker;

    private final RequestQueries requests;
    private final MailSigning signing;
    private final TicketSettings ticketSettings;

    Threading(
            JdbcTemplate jdbc,
            RequestQueries requests,
            MailSettings mail,
            MailSigning signing,
            TicketSettings ticketSettings) {
        this.jdbc = jdbc;
        this.requests = requests;
        this.signing = signing;
        this.ticketSettings = ticketSettings;
        // the thread id of mails sent before thread ids were signed; guessable, so it only ever leads to
        // a request through the threading rule, like every other reference
        this.ourThreadId = Pattern.compile(
                "<tidesk\\.request\\.(\\d{1,18})@" + Pattern.quote(mail.domain()) + ">", Pattern.CASE_INSENSITIVE);
        this.marker = signing.marker();
    }

    ReferenceMarker marker() {
        return marker;
    }

    /**
     * The request a person's mail names, in the order above; the reply address counts only for the
     * staff member it was made for ({@code staffId}, null for anyone else).
     */
    Optional<Match> find(ParsedMail mail, InternetHeaders headers, Long staffId) {
        Optional<Match> match = Optional.empty();
        if (staffId != null) {
            match = SenderProof.replyAddressTicket(headers, signing, staffId)
                    .filter(this::exists)
                    .map(id -> new Match(id, How.REPLY_ADDRESS));
        }
        if (match.isEmpty()) {
            match = byReferences(mail);
        }
        if (match.isEmpty()) {
            match = bySubject(mail).map(t -> new Match(t.id(), How.SUBJECT));
        }
        return match;
    }

    /** The request whose TID the subject carries, if it exists. */
    Optional<TicketView> bySubject(ParsedMail mail) {
        return Subjects.tid(mail.subject(), ticketSettings.tidPrefix()).flatMap(requests::findByTid);
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

    /**
     * Whether a message with this Message-ID was taken in before: the same content (a copy, from this or
     * another source), or only the same ID on another message.
     */
    record Seen(boolean sameContent, boolean otherContent, Long ticketId) {}

    Seen seen(long inboundId, String messageId, String contentSha256) {
        List<Object[]> rows =
                jdbc.query("""
                select content_sha256, ticket_id from mail_inbound where message_id = ? and id <> ?
                and status in ('PROCESSED', 'IGNORED') order by id limit 20""", (rs, n) -> new Object[] {rs.getString(1), rs.getObject(2)}, messageId, inboundId);
        boolean other = false;
        for (Object[] row : rows) {
            if (row[0] == null || contentSha256 == null || row[0].equals(contentSha256)) {
                return new Seen(true, false, row[1] == null ? null : ((Number) row[1]).longValue());
            }
            other = true;
        }
        if (!other) {
            // a Message-ID of ours (a sent mail or a request's thread id) on a message from outside
            List<Long> ours = jdbc.queryForList(
                    "select ticket_id from mail_outbox where message_id = ? limit 1", Long.class, messageId);
            if (!ours.isEmpty()) {
                return new Seen(true, false, ours.get(0));
            }
        }
        return new Seen(false, other, null);
    }

    /** A mail Tidesk queued: to whom, about which request. */
    record SentMail(String messageId, Long ticketId, String recipient) {}

    /** The first of these Message-IDs that is one of our sent mails. */
    Optional<SentMail> sentMail(List<String> ids) {
        for (String id : ids) {
            List<SentMail> found = jdbc.query(
                    "select message_id, ticket_id, lower(recipient) r from mail_outbox "
                            + "where message_id = ? limit 1",
                    (rs, n) -> new SentMail(
                            rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3)),
                    id);
            if (!found.isEmpty()) {
                return Optional.of(found.get(0));
            }
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
            jdbc.update(
                    "insert into mail_thread_ref (message_id, ticket_id) values (?, ?) on conflict do nothing",
                    messageId,
                    ticketId);
        }
    }

    /**
     * The address was brought into the request's conversation by a mail that passed the threading
     * rule (its sender, or in its To or Cc).
     */
    boolean isParticipant(long ticketId, String address) {
        Integer n = jdbc.queryForObject(
                "select count(*) from mail_participant where ticket_id = ? and address = ?",
                Integer.class,
                ticketId,
                address.strip().toLowerCase(java.util.Locale.ROOT));
        return n != null && n > 0;
    }

    /** Puts addresses on a request: only ever for a mail that passed the threading rule. */
    void addParticipants(long ticketId, java.util.Collection<String> addresses) {
        String[] kept = addresses.stream()
                .filter(a -> a != null && a.contains("@") && a.length() <= 300)
                .map(a -> a.strip().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toArray(String[]::new);
        if (kept.length > 0) {
            // one statement however many addresses the mail names
            jdbc.update("""
                    insert into mail_participant (ticket_id, address)
                    select ?, a from unnest(cast(? as text[])) a on conflict do nothing""", ticketId, kept);
        }
    }

    /**
     * Staff (or the contact) took the address off the request's copy: whatever mail brought it in
     * before, it no longer writes into the request by mail (a contact of the organization still does).
     */
    @EventListener
    void on(CcRemoved event) {
        jdbc.update(
                "delete from mail_participant where ticket_id = ? and address = ?",
                event.ticketId(),
                event.address().strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Whoever a mail brought into a merged request may write into the survivor, where the
     * conversation went (the merged request's references lead there through {@code merged_into}).
     */
    @EventListener
    void on(RequestsMerged event) {
        jdbc.update("""
                insert into mail_participant (ticket_id, address, created_at)
                select ?, address, created_at from mail_participant where ticket_id = ? on conflict do nothing""", event.survivorId(), event.mergedId());
    }

    private boolean exists(long ticketId) {
        return requests.findTicket(ticketId).isPresent();
    }
}
