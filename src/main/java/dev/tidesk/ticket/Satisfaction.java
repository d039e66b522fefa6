package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.shared.SecretTokens;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Вопрос решён?": the client rates a resolved request good or bad, with an optional comment, in the
 * portal or by the single-use link of the resolution mail (a random token of which only the hash is
 * kept; it works once and for {@code tidesk.ticket.rating-link-days}, 30 unless configured). One
 * rating per request: a later one replaces it. Each rating is a history entry and a
 * {@link RequestRated} event (a bad one tells the head and the personal manager).
 */
@Service
@Transactional(readOnly = true)
public class Satisfaction {

    private final JdbcTemplate jdbc;
    private final TicketRepository tickets;
    private final Conversation conversation;
    private final Clock clock;
    private final Duration linkLife;

    Satisfaction(
            JdbcTemplate jdbc,
            TicketRepository tickets,
            Conversation conversation,
            Clock clock,
            @Value("${tidesk.ticket.rating-link-days:30}") int linkDays) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.conversation = conversation;
        this.clock = clock;
        this.linkLife = Duration.ofDays(linkDays);
    }

    /** A new rating link for the resolution mail; returns the token, which is stored only as its hash. */
    @Transactional
    public String issueLink(long ticketId) {
        String token = SecretTokens.newToken();
        Instant now = now();
        jdbc.update(
                "insert into satisfaction_link (token_hash, ticket_id, issued_at, expires_at) values (?, ?, ?, ?)",
                SecretTokens.hash(token),
                ticketId,
                Timestamp.from(now),
                Timestamp.from(now.plus(linkLife)));
        return token;
    }

    /** The link behind a token; a forged or mistyped one is "not found". */
    public RatingLinkView byLink(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("No rating link");
        }
        return jdbc
                .query(
                        "select ticket_id, expires_at, used_at from satisfaction_link where token_hash = ?",
                        (rs, i) -> new RatingLinkView(
                                rs.getLong(1),
                                rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3) == null
                                        ? null
                                        : rs.getTimestamp(3).toInstant()),
                        SecretTokens.hash(token))
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No rating link"));
    }

    /** Rates by the mail's link, the token being the only authority; a used or expired link changes nothing. */
    @Transactional
    public RatingView rateByLink(String token, boolean good, String comment, Actor client) {
        RatingLinkView link = byLink(token);
        Instant now = now();
        int spent = jdbc.update(
                "update satisfaction_link set used_at = ? where token_hash = ? and used_at is null and expires_at > ?",
                Timestamp.from(now),
                SecretTokens.hash(token),
                Timestamp.from(now));
        if (spent == 0) {
            throw new DomainException(
                    "USED".equals(link.state(now)) ? "rating.error.used" : "rating.error.expired",
                    "The rating link was used or has expired");
        }
        return rate(link.ticketId(), good, comment, client, now);
    }

    /** Rates a request of the signed-in contact's organization (the caller checked whose it is). */
    @Transactional
    public RatingView rate(long ticketId, boolean good, String comment, Actor client) {
        return rate(ticketId, good, comment, client, now());
    }

    private RatingView rate(long ticketId, boolean good, String comment, Actor client, Instant now) {
        Ticket ticket = tickets.findById(ticketId).orElseThrow(() -> new NotFoundException("No request " + ticketId));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 4000) {
            text = text.substring(0, 4000);
        }
        ticket.rate(good, text, client, now);
        jdbc.update(
                """
                insert into request_rating (ticket_id, good, comment, rated_at, rated_by, agent_id, organization_id)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (ticket_id) do update set good = excluded.good, comment = excluded.comment,
                  rated_at = excluded.rated_at, rated_by = excluded.rated_by, agent_id = excluded.agent_id,
                  organization_id = excluded.organization_id""",
                ticketId,
                good,
                text,
                Timestamp.from(now),
                client.name() == null ? "—" : client.name(),
                ticket.getAssigneeId(),
                ticket.getOrganizationId());
        conversation.saveHistory(ticket);
        tickets.save(ticket);
        return new RatingView(ticketId, good, text, now, client.name());
    }

    /** The request's rating, if the client gave one. */
    public Optional<RatingView> of(long ticketId) {
        return jdbc
                .query(
                        "select good, comment, rated_at, rated_by from request_rating where ticket_id = ?",
                        (rs, i) -> new RatingView(
                                ticketId,
                                rs.getBoolean(1),
                                rs.getString(2),
                                rs.getTimestamp(3).toInstant(),
                                rs.getString(4)),
                        ticketId)
                .stream()
                .findFirst();
    }

    /** Whether the client may rate it now: resolved or closed. */
    public static boolean rateable(Status status) {
        return status == Status.RESOLVED || status == Status.CLOSED;
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
