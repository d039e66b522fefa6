package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Free tags on requests, for staff: lower-cased, trimmed, inner spaces made one, at most
 * {@link #MAX_LENGTH} characters (the input's maxlength in {@code workspace/requests/tags.html} too) and {@link #MAX_PER_REQUEST} a request. Each addition and removal
 * is in the request's history.
 */
@Service
@Transactional
public class RequestTags {

    public static final int MAX_LENGTH = 40;
    public static final int MAX_PER_REQUEST = 20;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RequestDesk desk;
    private final Clock clock;

    RequestTags(JdbcTemplate jdbc, RequestDesk desk, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.desk = desk;
        this.clock = clock;
    }

    /** The tag as stored: trimmed, lower-cased, one space between words; refused when empty or too long. */
    public static String normalize(String tag) {
        String t = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            throw new DomainException("error.tag.empty", "A tag needs a word");
        }
        if (t.length() > MAX_LENGTH) {
            throw new DomainException("error.tag.long", "Tags have at most " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        return t;
    }

    /** Adds the tag; says false when the request had it already. */
    public boolean add(long ticketId, String tag, Actor actor) {
        String t = normalize(tag);
        Integer count =
                jdbc.queryForObject("select count(*) from ticket_tag where ticket_id = ?", Integer.class, ticketId);
        int added = jdbc.update(
                "insert into ticket_tag (ticket_id, tag, added_at) values (?, ?, ?) on conflict do nothing",
                ticketId,
                t,
                Timestamp.from(clock.instant()));
        if (added == 0) {
            return false;
        }
        if (count != null && count >= MAX_PER_REQUEST) {
            throw new DomainException(
                    "error.tag.many", "A request has at most " + MAX_PER_REQUEST + " tags", MAX_PER_REQUEST);
        }
        desk.remark(ticketId, actor, "tagAdded", t);
        Suggestions known = suggestions;
        if (known != null && !known.tags().contains(t)) {
            suggestions = null;
        }
        return true;
    }

    /** Removes the tag; says false when the request did not have it. */
    public boolean remove(long ticketId, String tag, Actor actor) {
        String t = tag == null ? "" : tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (jdbc.update("delete from ticket_tag where ticket_id = ? and tag = ?", ticketId, t) == 0) {
            return false;
        }
        desk.remark(ticketId, actor, "tagRemoved", t);
        return true;
    }

    @Transactional(readOnly = true)
    public List<String> of(long ticketId) {
        return jdbc.queryForList("select tag from ticket_tag where ticket_id = ? order by tag", String.class, ticketId);
    }

    /** The tags of each request of a page of rows (one query). */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> of(Collection<Long> ticketIds) {
        Map<Long, List<String>> out = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return out;
        }
        named.query(
                "select ticket_id, tag from ticket_tag where ticket_id in (:ids) order by tag",
                Map.of("ids", ticketIds),
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                            .add(rs.getString(2));
                });
        return out;
    }

    /** How long the suggestions are kept before they are counted again. */
    static final java.time.Duration SUGGESTIONS_MAX_AGE = java.time.Duration.ofMinutes(1);

    private record Suggestions(List<String> tags, int limit, java.time.Instant at) {}

    /**
     * The suggestions of this node: counting every tag of every request on each request page would
     * cost the page more than the rest of it, so they are counted at most once a minute (and again
     * at once when a tag they lack is added here). Another node may suggest a new tag a minute later.
     */
    private volatile Suggestions suggestions;

    /** The most used tags, most used first: the suggestions offered when tagging. */
    @Transactional(readOnly = true)
    public List<String> popular(int limit) {
        java.time.Instant now = clock.instant();
        Suggestions known = suggestions;
        if (known != null && known.limit() >= limit && now.isBefore(known.at().plus(SUGGESTIONS_MAX_AGE))) {
            return known.tags().subList(0, Math.min(limit, known.tags().size()));
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "select tag, count(*) from ticket_tag group by tag order by 2 desc, 1 limit ?",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                limit);
        List<String> tags = List.copyOf(counts.keySet());
        suggestions = new Suggestions(tags, limit, now);
        return tags;
    }
}
