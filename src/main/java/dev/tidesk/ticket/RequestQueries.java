package dev.tidesk.ticket;

import dev.tidesk.shared.NotFoundException;
import dev.tidesk.storage.Blobs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads requests for pages: lists, queues, one request with its conversation, search. */
@Service
@Transactional(readOnly = true)
public class RequestQueries {

    private static final Pattern TID_LIKE = Pattern.compile("(?i)^\\s*(?:[a-z]+-?)?(\\d{1,12})\\s*$");

    private final TicketRepository tickets;
    private final TicketMessageRepository messages;
    private final TicketAttachmentRepository attachments;
    private final TicketHistoryRepository history;
    private final JdbcTemplate jdbc;
    private final Duration searchWalkTimeout;
    private final java.time.ZoneId zone;
    private final TicketSettings settings;
    private final Blobs blobs;

    RequestQueries(
            TicketRepository tickets,
            TicketMessageRepository messages,
            TicketAttachmentRepository attachments,
            TicketHistoryRepository history,
            JdbcTemplate jdbc,
            dev.tidesk.shared.Installation installation,
            @Value("${tidesk.search.walk-timeout:PT0.2S}") Duration searchWalkTimeout,
            TicketSettings settings,
            Blobs blobs) {
        this.blobs = blobs;
        this.zone = installation.timeZone();
        this.settings = settings;
        this.searchWalkTimeout = searchWalkTimeout;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.jdbc = jdbc;
    }

    public TicketView ticket(long id) {
        return tickets.findById(id).map(Ticket::view).orElseThrow(() -> new NotFoundException("No request " + id));
    }

    /** The request, or empty when there is none (never throws, so a caller's transaction stays usable). */
    public Optional<TicketView> findTicket(long id) {
        return tickets.findById(id).map(Ticket::view);
    }

    /**
     * The request that mail, the portal and the API reach under this id: the request itself or, when it
     * was merged, the survivor it was merged into (followed through later merges). The one place that
     * follows {@code merged_into}.
     */
    public TicketView survivor(long id) {
        TicketView t = ticket(id);
        for (int hops = 0; t.mergedIntoId() != null && hops < 100; hops++) {
            t = ticket(t.mergedIntoId());
        }
        return t;
    }

    /** The id of {@link #survivor}; the id itself when there is no such request (never throws). */
    public long survivorId(long id) {
        return findTicket(id).map(t -> survivor(t.id()).id()).orElse(id);
    }

    /** {@link #survivor} of the request with this TID, or empty when there is none. */
    public Optional<TicketView> findSurvivorByTid(String tid) {
        return findByTid(tid).map(t -> survivor(t.id()));
    }

    /** A TID as typed ("tid-10427", " 10427 ") in its stored form ("TID-10427"). */
    String normalizeTid(String tid) {
        String t = tid == null ? "" : tid.strip().toUpperCase(java.util.Locale.ROOT);
        return t.matches("\\d{1,18}") ? settings.tidPrefix() + t : t;
    }

    public TicketView byTid(String tid) {
        return findByTid(tid).orElseThrow(() -> new NotFoundException("No request " + tid));
    }

    public Optional<TicketView> findByTid(String tid) {
        return tid == null
                ? Optional.empty()
                : tickets.findByTid(normalizeTid(tid)).map(Ticket::view);
    }

    /** A request of the given organization; any other organization's request is "not found". */
    public TicketView byTidForOrganization(String tid, long organizationId) {
        TicketView t = byTid(tid);
        if (t.organizationId() == null || t.organizationId() != organizationId) {
            throw new NotFoundException("No request " + tid);
        }
        return t;
    }

    /**
     * The organization's requests, newest first.
     *
     * @param filter "open", "closed", a status name, or blank for all
     * @param text   a TID or part of the subject
     */
    /** A page number from the address bar, kept to pages whose first row fits an int offset. */
    static int pageNumber(int page, int size) {
        return Math.min(Math.max(page, 0), 10_000_000 / Math.max(size, 1));
    }

    public Page<TicketView> organizationRequests(long organizationId, String filter, String text, int page, int size) {
        boolean openOnly = "open".equalsIgnoreCase(filter);
        Status status = null;
        if (filter != null && !filter.isBlank() && !openOnly) {
            status = "closed".equalsIgnoreCase(filter) ? Status.CLOSED : parseStatus(filter);
        }
        String q = text == null ? "" : text.strip();
        return tickets.findForOrganization(
                        organizationId,
                        openOnly,
                        status,
                        q,
                        PageRequest.of(pageNumber(page, size), size, Sort.by(Sort.Direction.DESC, "createdAt", "id")))
                .map(Ticket::view);
    }

    public Slice<TicketView> queue(Queue queue, Long staffId, QueueSort sort, int page, int size) {
        PageRequest request = PageRequest.of(pageNumber(page, size), size, sort.sort());
        Slice<Ticket> slice = switch (queue) {
            case UNASSIGNED -> tickets.findUnassigned(request);
            case MINE -> tickets.findAssignedTo(staffId, request);
            case OPEN -> tickets.findAllOpen(request);
        };
        return slice.map(Ticket::view);
    }

    /**
     * A filtered list, sorted by one column (ties by TID), a page of {@code size} rows. Built as SQL with
     * bound parameters only; the sort column comes from {@link RequestFilter.Column}, never from input.
     */
    public Slice<TicketView> filter(
            RequestFilter filter, RequestFilter.Column column, boolean ascending, int page, int size) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        String direction = ascending ? "asc" : "desc";
        int offset = pageNumber(page, size) * size;
        args.add(size + 1);
        args.add(offset);
        List<Long> ids = jdbc.queryForList(
                "select id from ticket where " + where + " order by " + column.sql + " " + direction
                        + (column.nullable ? " nulls last" : "") + ", id " + direction + " limit ? offset ?",
                Long.class,
                args.toArray());
        boolean more = ids.size() > size;
        List<Long> shown = more ? ids.subList(0, size) : ids;
        Map<Long, Ticket> byId =
                tickets.findAllById(shown).stream().collect(Collectors.toMap(Ticket::getId, Function.identity()));
        List<TicketView> rows = shown.stream().map(byId::get).map(Ticket::view).toList();
        return new org.springframework.data.domain.SliceImpl<>(
                rows, PageRequest.of(pageNumber(page, size), size), more);
    }

    /** How many requests the filter finds, up to {@link #COUNT_CAP} + 1 (shown as "more than"). */
    public long count(RequestFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(COUNT_CAP + 1);
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1 from ticket where " + where + " limit ?) c",
                Long.class,
                args.toArray());
        return n == null ? 0 : n;
    }

    private String where(RequestFilter f, List<Object> args) {
        List<String> and = new ArrayList<>();
        and.add("true");
        if (!f.statuses().isEmpty()) {
            // written out, not bound: the enum's own names, and only then can PostgreSQL match the
            // closed list to its partial index (ticket_finished_updated_idx)
            and.add("status in "
                    + f.statuses().stream()
                            .sorted()
                            .map(st -> "'" + st.name() + "'")
                            .collect(Collectors.joining(", ", "(", ")")));
        }
        if (f.organizationId() != null) {
            and.add("organization_id = ?");
            args.add(f.organizationId());
        }
        if (f.siteId() != null) {
            and.add("site_id = ?");
            args.add(f.siteId());
        }
        if (f.unassigned()) {
            and.add("assignee_id is null");
        } else if (f.assigneeId() != null) {
            and.add("assignee_id = ?");
            args.add(f.assigneeId());
        }
        if (f.organizationIds() != null) {
            and.add("organization_id = any(?::bigint[])");
            args.add(array(f.organizationIds()));
        }
        if (f.requestIds() != null) {
            and.add("id = any(?::bigint[])");
            args.add(array(f.requestIds()));
        }
        if (f.channel() != null) {
            and.add("channel = ?");
            args.add(f.channel().name());
        }
        if (f.urgency() != null) {
            and.add("urgency = ?");
            args.add(f.urgency().name());
        }
        if (f.from() != null) {
            and.add("created_at >= ?");
            args.add(java.sql.Timestamp.from(f.from().atStartOfDay(zone).toInstant()));
        }
        if (f.to() != null) {
            and.add("created_at < ?");
            args.add(java.sql.Timestamp.from(
                    f.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (f.text() != null) {
            and.add(
                    "search_vector @@ (plainto_tsquery('russian', ?) || plainto_tsquery('english', ?) || plainto_tsquery('simple', ?))");
            args.add(f.text());
            args.add(f.text());
            args.add(f.text());
        }
        return String.join(" and ", and);
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    /** The queue narrowed to the requests with a tag (normalized as {@link RequestTags#normalize}). */
    public Slice<TicketView> queue(Queue queue, Long staffId, QueueSort sort, String tag, int page, int size) {
        if (tag == null || tag.isBlank()) {
            return queue(queue, staffId, sort, page, size);
        }
        String t = RequestTags.normalize(tag);
        PageRequest request = PageRequest.of(pageNumber(page, size), size, sort.sort());
        Slice<Ticket> slice = switch (queue) {
            case UNASSIGNED -> tickets.findUnassignedTagged(t, request);
            case MINE -> tickets.findAssignedToTagged(staffId, t, request);
            case OPEN -> tickets.findAllOpenTagged(t, request);
        };
        return slice.map(Ticket::view);
    }

    /** Every request with the tag, closed ones included, newest first. */
    public List<TicketView> tagged(String tag, int limit) {
        return tickets.findTagged(RequestTags.normalize(tag), PageRequest.of(0, limit)).stream()
                .map(Ticket::view)
                .toList();
    }

    /** Counts above this are shown as "more than": counting every open request of a big backlog costs seconds. */
    public static final long COUNT_CAP = 9_999;

    /** How many requests each queue view holds, at most {@link #COUNT_CAP} + 1. */
    public Map<Queue, Long> queueCounts(Long staffId) {
        Map<Queue, Long> counts = new LinkedHashMap<>();
        String open = "status not in " + Status.FINISHED_SQL;
        counts.put(Queue.UNASSIGNED, cappedCount("assignee_id is null and status not in " + Status.OUT_OF_QUEUE_SQL));
        counts.put(Queue.MINE, staffId == null ? 0 : cappedCount("assignee_id = " + staffId + " and " + open));
        counts.put(Queue.OPEN, cappedCount(open));
        return counts;
    }

    private long cappedCount(String condition) {
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1 from ticket where " + condition + " limit " + (COUNT_CAP + 1)
                        + ") capped",
                Long.class);
        return n == null ? 0 : n;
    }

    /**
     * Finds requests by TID (exact), or by the words of their subject, contact, organization and
     * messages, with Russian and English stemming, best matches first.
     */
    public List<SearchHit> search(String text, int limit) {
        String q = text == null ? "" : text.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        List<SearchHit> hits = new ArrayList<>();
        Matcher tid = TID_LIKE.matcher(q);
        if (tid.matches()) {
            jdbc.query(
                    "select id from ticket where number = ?",
                    rs -> {
                        hits.add(new SearchHit(ticket(rs.getLong(1)), Double.MAX_VALUE));
                    },
                    Long.parseLong(tid.group(1)));
            if (!hits.isEmpty()) {
                return hits; // a TID opens its request; no need to read the text indexes
            }
        }
        String query = tsquery(q);
        if (query == null || query.isBlank()) {
            return hits; // only stop words or punctuation
        }
        Map<Long, Double> ranks = rankedMatches(query, limit);
        Map<Long, TicketView> found = tickets.findByIdIn(ranks.keySet()).stream()
                .map(Ticket::view)
                .collect(Collectors.toMap(TicketView::id, Function.identity()));
        for (Map.Entry<Long, Double> e : ranks.entrySet()) {
            TicketView t = found.get(e.getKey());
            if (t != null && hits.stream().noneMatch(h -> h.ticket().id() == t.id())) {
                hits.add(new SearchHit(t, e.getValue()));
            }
        }
        return hits.size() > limit ? hits.subList(0, limit) : hits;
    }

    /**
     * The text query as one tsquery over the three readings of the words (Russian and English
     * stems, and the words as typed), or null when only stop words or punctuation are left.
     * The query is built once and then passed as a constant, so that the planner sees it and
     * estimates how many rows match: from a shared CTE it guessed, and for a rare word walked
     * five million messages newest first (16 s) instead of asking the GIN index (5 ms).
     * Each distinct reading once: "SSL" reads the same in all three configurations.
     */
    String tsquery(String q) {
        return jdbc.queryForObject("""
                select string_agg(distinct '(' || q::text || ')', ' | ')
                  from (values (websearch_to_tsquery('russian', ?)), (websearch_to_tsquery('english', ?)),
                               (websearch_to_tsquery('simple', ?))) v(q)
                 where q::text <> ''""", String.class, q, q, q);
    }

    /**
     * The best {@code limit} requests among the newest matches of the query in requests and in
     * messages. Ranking every match of a common word would read each one from the heap, so only
     * the newest {@value #SEARCH_CANDIDATES} of each kind are ranked. The planner finds those by
     * walking the primary key newest first, which is quick for a common word but reads the whole
     * table for a rare one it wrongly expects to be common (11 s over five million messages). So
     * that walk gets {@code tidesk.search.walk-timeout}; past it the candidates come from a bitmap
     * of the GIN index, quick for a rare word.
     */
    private Map<Long, Double> rankedMatches(String query, int limit) {
        jdbc.execute("set local work_mem = '64MB'");
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
        jdbc.execute("savepoint search_walk");
        try {
            jdbc.execute("set local statement_timeout = " + searchWalkTimeout.toMillis());
            Map<Long, Double> ranks = rank(query, limit, false);
            jdbc.execute("release savepoint search_walk");
            jdbc.execute("set local statement_timeout to default");
            return ranks;
        } catch (DataAccessException e) {
            if (!(e.getMostSpecificCause() instanceof java.sql.SQLException sql)
                    || !"57014".equals(sql.getSQLState())) {
                throw e;
            }
            jdbc.execute("rollback to savepoint search_walk");
            return rank(query, limit, true);
        }
    }

    /**
     * Ranks the newest candidates of {@code query} (a tsquery); {@code fromIndex} finds them
     * through a bitmap of the GIN indexes only, never by walking the primary key. Needs a transaction.
     */
    Map<Long, Double> rank(String query, int limit, boolean fromIndex) {
        if (fromIndex) {
            jdbc.execute("set local enable_indexscan = off");
            jdbc.execute("set local enable_seqscan = off");
        }
        Map<Long, Double> ranks = new LinkedHashMap<>();
        jdbc.query(
                SEARCH,
                rs -> {
                    ranks.put(rs.getLong(1), rs.getDouble(2));
                },
                query,
                SEARCH_CANDIDATES,
                query,
                SEARCH_CANDIDATES,
                query,
                query,
                limit);
        if (fromIndex) {
            jdbc.execute("set local enable_indexscan to default");
            jdbc.execute("set local enable_seqscan to default");
        }
        return ranks;
    }

    private static final int SEARCH_CANDIDATES = 200;

    private static final String SEARCH = """
                with ticket_candidates as (
                  select t.id from ticket t where t.search_vector @@ cast(? as tsquery) order by t.id desc limit ?
                ), message_candidates as (
                  select m.id from ticket_message m where m.search_vector @@ cast(? as tsquery) order by m.id desc limit ?
                ), ticket_hits as (
                  select t.id, ts_rank(t.search_vector, cast(? as tsquery)) * 2 as rank
                    from ticket t join ticket_candidates c on c.id = t.id
                ), message_hits as (
                  select m.ticket_id as id, ts_rank(m.search_vector, cast(? as tsquery)) as rank
                    from ticket_message m join message_candidates c on c.id = m.id
                )
                select id, max(rank) as rank
                  from (select * from ticket_hits union all select * from message_hits) hits
                 group by id order by rank desc, id desc limit ?
                """;

    /** The conversation; {@code withInternalNotes} only for staff. */
    public List<MessageView> messages(long ticketId, boolean withInternalNotes) {
        List<TicketMessage> list =
                withInternalNotes ? messages.findByTicket(ticketId) : messages.findPublicByTicket(ticketId);
        Map<Long, List<AttachmentView>> files = attachments.findViewsByTicket(ticketId).stream()
                .filter(a -> a.messageId() != null)
                .collect(Collectors.groupingBy(AttachmentView::messageId));
        return list.stream()
                .map(m -> m.view(files.getOrDefault(m.getId(), List.of())))
                .toList();
    }

    /** The requests linked to this one as related, by TID. */
    public List<LinkedRequest> links(long ticketId) {
        return jdbc.query(
                """
                select t.id, t.tid, t.subject, t.status from request_link l join ticket t on t.id = l.linked_id
                 where l.ticket_id = ? order by t.number""",
                (rs, n) -> new LinkedRequest(
                        rs.getLong(1), rs.getString(2), rs.getString(3), Status.valueOf(rs.getString(4))),
                ticketId);
    }

    public List<HistoryEntry> history(long ticketId) {
        return history.findByTicket(ticketId).stream().map(TicketHistory::view).toList();
    }

    /**
     * An attachment's content, only when it belongs to a message the caller may see:
     * internal-note files are for staff only.
     */
    public AttachmentContent attachment(long attachmentId, boolean staff) {
        TicketAttachment a = attachments
                .findById(attachmentId)
                .orElseThrow(() -> new NotFoundException("No attachment " + attachmentId));
        if (!staff) {
            boolean visible = messages(a.getTicketId(), false).stream()
                    .flatMap(m -> m.attachments().stream())
                    .anyMatch(v -> v.id() == attachmentId);
            if (!visible) {
                throw new NotFoundException("No attachment " + attachmentId);
            }
        }
        TicketView t = ticket(a.getTicketId());
        Resource content = a.getContentKey() != null
                ? blobs.resource(a.getContentKey(), a.getSizeBytes())
                : new ByteArrayResource(a.getContent());
        return new AttachmentContent(
                a.getId(),
                a.getTicketId(),
                t.organizationId(),
                a.getFilename(),
                a.getContentType(),
                a.getSizeBytes(),
                content);
    }

    private static Status parseStatus(String name) {
        try {
            return Status.valueOf(name.toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
