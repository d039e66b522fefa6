package dev.tidesk.ticket;

import dev.tidesk.shared.CappedCount;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.storage.Blobs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
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
    private final java.time.ZoneId zone;
    private final TicketSettings settings;
    private final Blobs blobs;
    private final CommonWords commonWords;
    private final SearchSummaries summaries;

    RequestQueries(
            TicketRepository tickets,
            TicketMessageRepository messages,
            TicketAttachmentRepository attachments,
            TicketHistoryRepository history,
            JdbcTemplate jdbc,
            dev.tidesk.shared.Installation installation,
            TicketSettings settings,
            Blobs blobs,
            SearchSummaries summaries) {
        this.blobs = blobs;
        this.summaries = summaries;
        this.zone = installation.timeZone();
        this.settings = settings;
        this.tickets = tickets;
        this.messages = messages;
        this.attachments = attachments;
        this.history = history;
        this.jdbc = jdbc;
        this.commonWords = new CommonWords(jdbc);
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

    /**
     * Past this many requests a client's list counts no further: the pager says "more than" (a count of
     * a client's every request read 192,000 index entries, 78 ms a page, for the one client of the
     * 1 M data set that every test request went to).
     */
    public static final int ORGANIZATION_COUNT_CAP = 10_000;

    /**
     * A page of a client's requests, newest first. Its total is exact up to {@link
     * #ORGANIZATION_COUNT_CAP} and {@code ORGANIZATION_COUNT_CAP + 1} past it.
     */
    public Page<TicketView> organizationRequests(long organizationId, String filter, String text, int page, int size) {
        boolean openOnly = "open".equalsIgnoreCase(filter);
        Status status = null;
        if (filter != null && !filter.isBlank() && !openOnly) {
            status = "closed".equalsIgnoreCase(filter) ? Status.CLOSED : parseStatus(filter);
        }
        String q = text == null ? "" : text.strip();
        PageRequest pageable =
                PageRequest.of(pageNumber(page, size), size, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
        List<TicketView> rows = tickets.findForOrganization(organizationId, openOnly, status, q, pageable).stream()
                .map(Ticket::view)
                .toList();
        List<Object> args = new ArrayList<>(List.of(organizationId));
        StringBuilder where = new StringBuilder("organization_id = ?");
        if (openOnly) {
            where.append(" and status not in ").append(Status.FINISHED_SQL);
        }
        if (status != null) {
            where.append(" and status = ?");
            args.add(status.name());
        }
        if (!q.isEmpty()) {
            where.append(" and (lower(subject) like lower(?) or lower(tid) = lower(?))");
            args.add("%" + q + "%");
            args.add(q);
        }
        args.add(ORGANIZATION_COUNT_CAP + 1);
        Long total = jdbc.queryForObject(
                "select count(*) from (select 1 from ticket where " + where + " limit ?) c",
                Long.class,
                args.toArray());
        return new PageImpl<>(rows, pageable, total == null ? 0 : total);
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

    /** How many requests the filter finds, counted up to {@link #COUNT_CAP} + 1 (shown as "more than"). */
    public CappedCount count(RequestFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(COUNT_CAP + 1);
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1 from ticket where " + where + " limit ?) c",
                Long.class,
                args.toArray());
        return new CappedCount(n == null ? 0 : n, COUNT_CAP);
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

    /**
     * Ids bound as a {@code bigint[]} value, not as text cast in the SQL: PostgreSQL does not fold
     * a cast from text to an array when it plans, so a text array in a filter was parsed again for
     * every row tested (a search window of 256 slices spent 60 of its 72 ms parsing its own list).
     */
    private static Long[] array(List<Long> ids) {
        return ids.toArray(Long[]::new);
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

    /**
     * Past this many requests a queue tile says "999+": the queue counts on every load and every live
     * poll of every agent, and unassigned requests are the newest, on heap pages not yet all-visible,
     * so each counted row costs a heap visit (5,855 unassigned: 8,940 pages, 5.6 ms a queue page on
     * the 1 M data set; at this cap at most a thousand).
     */
    public static final long QUEUE_COUNT_CAP = 999;

    /** How many requests each queue view holds, counted up to {@link #QUEUE_COUNT_CAP} + 1. */
    public Map<Queue, CappedCount> queueCounts(Long staffId) {
        return queueCounts(staffId, null);
    }

    /**
     * How many requests each queue view holds, narrowed to a tag as {@link #queue(Queue, Long,
     * QueueSort, String, int, int)} narrows the list (null or blank for every request), at most
     * {@link #QUEUE_COUNT_CAP} + 1.
     */
    public Map<Queue, CappedCount> queueCounts(Long staffId, String tag) {
        String tagged = tag == null || tag.isBlank() ? null : RequestTags.normalize(tag);
        Map<Queue, CappedCount> counts = new LinkedHashMap<>();
        String open = "status not in " + Status.FINISHED_SQL;
        counts.put(
                Queue.UNASSIGNED,
                cappedCount("assignee_id is null and status not in " + Status.OUT_OF_QUEUE_SQL, tagged));
        counts.put(
                Queue.MINE,
                staffId == null
                        ? new CappedCount(0, QUEUE_COUNT_CAP)
                        : cappedCount("assignee_id = " + staffId + " and " + open, tagged));
        counts.put(Queue.OPEN, cappedCount(open, tagged));
        return counts;
    }

    private CappedCount cappedCount(String condition, String tag) {
        List<Object> args = new ArrayList<>();
        String where = condition;
        if (tag != null) {
            where += " and exists (select 1 from ticket_tag g where g.ticket_id = ticket.id and g.tag = ?)";
            args.add(tag);
        }
        Long n = jdbc.queryForObject(
                "select count(*) from (select 1 from ticket where " + where + " limit " + (QUEUE_COUNT_CAP + 1)
                        + ") capped",
                Long.class,
                args.toArray());
        return new CappedCount(n == null ? 0 : n, QUEUE_COUNT_CAP);
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
     * Each distinct reading once: "SSL" reads the same in all three configurations. A hyphenated
     * word is asked for as the one lexeme the parser indexes for the whole word
     * ({@link #hyphenatedAsOne}). Words left out with "-" are left out in every reading: the
     * readings of the other words, and none of the left-out words' readings (left out reading by
     * reading, «Ошибка -updates» found the requests with "updates" through the words as typed,
     * which the index of a subject or a message does not hold, it holds the stem "updat").
     */
    String tsquery(String q) {
        Negations split = Negations.of(q);
        String wanted = readings(split.rest());
        if (split.negated().isEmpty()) {
            return wanted == null ? null : hyphenatedAsOne(wanted);
        }
        String unwanted = readings(String.join(" or ", split.negated()));
        String query = unwanted == null
                ? wanted
                : wanted == null ? "!(" + unwanted + ")" : "(" + wanted + ") & !(" + unwanted + ")";
        return query == null ? null : hyphenatedAsOne(query);
    }

    /** The three readings of a web-search text, or-ed; null when only stop words or punctuation are left. */
    private String readings(String text) {
        if (text.isBlank()) {
            return null;
        }
        return jdbc.queryForObject("""
                select string_agg(distinct '(' || q::text || ')', ' | ')
                  from (values (websearch_to_tsquery('russian', ?)), (websearch_to_tsquery('english', ?)),
                               (websearch_to_tsquery('simple', ?))) v(q)
                 where q::text <> ''""", String.class, text, text, text);
    }

    /**
     * A web-search text's words left out with "-" (a word or a quoted phrase after a minus that
     * starts a word, as {@code websearch_to_tsquery} reads it: «что-то» is one word), and the rest.
     */
    record Negations(String rest, List<String> negated) {

        static Negations of(String text) {
            List<String> negated = new ArrayList<>();
            StringBuilder rest = new StringBuilder();
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c == '"') { // a quoted phrase is kept whole, a minus inside it too
                    int end = closingQuote(text, i);
                    rest.append(text, i, end);
                    i = end;
                } else if (c == '-'
                        && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))
                        && i + 1 < n
                        && !Character.isWhitespace(text.charAt(i + 1))
                        && text.charAt(i + 1) != '-') {
                    int from = i + 1;
                    int end = from;
                    if (text.charAt(from) == '"') {
                        end = closingQuote(text, from);
                        String phrase = text.substring(from, end);
                        negated.add(phrase.length() > 1 && phrase.endsWith("\"") ? phrase : phrase + "\"");
                    } else {
                        while (end < n && !Character.isWhitespace(text.charAt(end))) {
                            end++;
                        }
                        negated.add(text.substring(from, end));
                    }
                    rest.append(' ');
                    i = end;
                } else {
                    rest.append(c);
                    i++;
                }
            }
            return new Negations(rest.toString(), negated);
        }

        /** Just past the quote that closes the one at {@code open}, or the end of an unclosed phrase. */
        private static int closingQuote(String text, int open) {
            int close = text.indexOf('"', open + 1);
            return close < 0 ? text.length() : close + 1;
        }
    }

    private static final Pattern HYPHENATED_PHRASE = Pattern.compile("'([^' ]+(?:-[^' ]+)+)'((?: <-> '[^' ]+')+)");

    /**
     * The parser reads «онлайн-запись» as the whole word and each of its parts, so the tsquery of a
     * hyphenated word is the phrase {@code 'онлайн-запис' <-> 'онлайн' <-> 'запис'}. The whole word's
     * lexeme alone finds the same messages (it is indexed only where the word is written with its
     * hyphen, and then its parts follow it), but straight from the index: a phrase makes PostgreSQL
     * read every row that holds all three lexemes anywhere, to check their positions.
     */
    static String hyphenatedAsOne(String tsquery) {
        Matcher m = HYPHENATED_PHRASE.matcher(tsquery);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int parts = m.group(1).split("-", -1).length;
            int followers = m.group(2).split(" <-> ", -1).length - 1;
            m.appendReplacement(out, Matcher.quoteReplacement(parts == followers ? "'" + m.group(1) + "'" : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The tables search reads, with how many of their newest rows it walks and its index's slices. */
    enum SearchSource {
        REQUESTS("ticket", 500, SEARCH_SLICE_BITS),
        MESSAGES("ticket_message", 500, SEARCH_SLICE_BITS);

        final String table;
        final int walk;
        final int sliceBits;

        SearchSource(String table, int walk, int sliceBits) {
            this.table = table;
            this.walk = walk;
            this.sliceBits = sliceBits;
        }
    }

    /**
     * Rows of a search table in one slice of the GIN index {@code (id >> 12, search_vector)}
     * (V459): each slice holds 4,096 consecutive ids, so the index answers "the word among the
     * newest rows" without reading any older match.
     */
    static final int SEARCH_SLICE_BITS = 12;

    /**
     * Matches a window of slices may give from the index; past it the window is walked newest first,
     * where at least one row in {@code 4,096 * slices / WINDOW_CAP} matches. A window that gives more
     * is read again slice by slice, so the cap is also what a too-dense window costs: small, but
     * above the {@value #SEARCH_CANDIDATES} a search needs.
     */
    static final int WINDOW_CAP = 500;

    /**
     * The widest window of slices, 1, 4, 16, then 64 at a time. The index reads every slice's entry
     * of a window (some 15-35 pages a slice), and for a wider list PostgreSQL stopped using the
     * slices at all: it fetched every match of the words in the table and tested each for its slice
     * (35,000 pages for two common words that its statistics took for independent). Past the first
     * windows, one probe of the words alone ({@link #rest}) ends the search of rare words.
     */
    static final int WIDEST_WINDOW = 64;

    /**
     * The most rows PostgreSQL's statistics may count for the words for {@link #rest} to be asked: the
     * index reads each word's whole posting list, 10 ms for a word in 5,700 messages, 220 ms for one
     * in 300,000 (on the 1 M data set).
     */
    static final int REST_MOST_ROWS = 20_000;

    /**
     * The best {@code limit} requests among the newest {@value #SEARCH_CANDIDATES} matches of the
     * query in requests and in the newest {@value #SEARCH_CANDIDATES} in messages.
     */
    private Map<Long, Double> rankedMatches(String query, int limit) {
        List<Long> requests = candidates(SearchSource.REQUESTS, query, SEARCH_CANDIDATES, SearchSource.REQUESTS.walk);
        List<Long> messages = candidates(SearchSource.MESSAGES, query, SEARCH_CANDIDATES, SearchSource.MESSAGES.walk);
        return rank(query, requests, messages, limit);
    }

    /**
     * The ids of the newest {@code n} rows of {@code source} that match the tsquery, newest first,
     * found without trusting the planner's guess of how common the words are (it has no statistics
     * of a word it has never sampled, and guessed 7,000 rows for a word found nowhere):
     *
     * <ol>
     *   <li>The newest {@code walk} rows are read newest first, the match tested on each row (the
     *       test is hidden from the GIN index, so the primary key is the only way in). A word in
     *       two rows of five ends here: at most {@code walk} rows read (500: each walked row costs
     *       about a page, and the windows below find a less common word for fewer).
     *   <li>Words too rare for PostgreSQL's statistics to count ({@link CommonWords}; a word found
     *       nowhere too): the words alone ({@link #rest}), every older match at once if there are at
     *       most {@link #WINDOW_CAP}; then no window is asked.
     *   <li>Older rows come from the GIN index of (slice, search vector), one widening window of
     *       slices at a time, newest first (1, 4, 16 slices): the index gives only the matches
     *       within the window, and it stops once {@code n} are found. The slices whose summary
     *       lacks the words ({@link SearchSummaries}) are not asked: a burst of requests without
     *       them is skipped, not stepped through.
     *   <li>Then the words alone, below the windows ({@link #rest}), unless asked already: an
     *       uncommon word's every older match at once, at most {@link #WINDOW_CAP}; not for words
     *       the statistics count in more than {@link #REST_MOST_ROWS} rows.
     *   <li>More than that: windows of {@value #WIDEST_WINDOW} slices, newest first, until {@code
     *       n} are found.
     * </ol>
     *
     * Each query's cost is bounded by its shape, whatever the planner expects. Needs a transaction.
     */
    List<Long> candidates(SearchSource source, String query, int n, int walk) {
        return candidates(source, query, n, walk, WINDOW_CAP);
    }

    /** {@link #candidates} with another cap on the rows a window may give from the index (tests). */
    List<Long> candidates(SearchSource source, String query, int n, int walk, int cap) {
        return candidates(source, query, n, walk, cap, REST_MOST_ROWS);
    }

    /** {@link #candidates} with another bound on how common the words may be for {@link #rest} (tests). */
    List<Long> candidates(SearchSource source, String query, int n, int walk, int cap, int restMostRows) {
        Long max = jdbc.queryForObject("select max(id) from " + source.table, Long.class);
        if (max == null) {
            return List.of();
        }
        jdbc.execute("set local plan_cache_mode = force_custom_plan");
        long below = max - walk; // rows above this were walked
        List<Long> ids = new ArrayList<>();
        if (walk > 0) {
            ids.addAll(jdbc.queryForList(
                    "select id from " + source.table + " where id > ? and (search_vector @@ cast(? as tsquery)) is true"
                            + " order by id desc limit ?",
                    Long.class,
                    below,
                    query,
                    n));
        }
        if (ids.size() >= n || below < 1) {
            return ids;
        }
        jdbc.execute("set local enable_seqscan = off");
        jdbc.execute("set local enable_indexscan = off");
        boolean restAsked = false;
        boolean found = false; // every match there is, from the words alone
        if (restMostRows >= 0 && commonWords.rows(source.table, query) == 0) {
            // words too rare for PostgreSQL's statistics to count: their every older match at once,
            // before any window (each window of a rare word's search found nothing for about a
            // millisecond: 4-6 of them a search)
            restAsked = true;
            List<Long> rest = rest(source, query, below, cap);
            if (rest.size() <= cap) {
                ids.addAll(rest.subList(0, Math.min(rest.size(), n - ids.size())));
                found = true;
            }
        }
        // newest first, the slices that may hold matches: the summaries skip those without the words
        // (asked only now: a rare or absent word is done without them)
        List<Long> slices =
                found ? List.of() : summaries.slices(source, summaries.presence(query), below >> source.sliceBits);
        int next = 0; // the newest slice not asked yet
        // more matches than the cap, among words the statistics cannot count (at most one row in 700 of
        // the 1 M data set's messages, some 6 a slice): the widest window at once, not 1, 4 and 16 first
        int first = restAsked ? WIDEST_WINDOW : 1;
        for (int width = first; ids.size() < n && next < slices.size(); width = Math.min(width * 4, WIDEST_WINDOW)) {
            if (width == WIDEST_WINDOW && !restAsked) {
                // past the first windows, the words are rare here or common only further back: all
                // the older matches at once, if there are at most the cap of them, unless the words
                // are common (reading their posting lists whole would cost more than the windows)
                restAsked = true;
                if (commonWords.rows(source.table, query) <= restMostRows) {
                    long upTo = Math.min(below, ((slices.get(next) + 1) << source.sliceBits) - 1);
                    List<Long> rest = rest(source, query, upTo, cap);
                    if (rest.size() <= cap) {
                        ids.addAll(rest.subList(0, Math.min(rest.size(), n - ids.size())));
                        break;
                    }
                }
            }
            List<Long> window = slices.subList(next, Math.min(slices.size(), next + width));
            ids.addAll(window(source, query, window, below, n - ids.size(), cap));
            next += window.size();
        }
        jdbc.execute("set local enable_seqscan to default");
        jdbc.execute("set local enable_indexscan to default");
        return ids;
    }

    /**
     * Every match with an id up to {@code upTo}, newest first, if there are at most {@code cap}; more
     * than {@code cap} rows when there are more (then the caller goes on window by window). The
     * words' own entries in the index, without the slices: it reads the words' whole posting lists,
     * small for rare words, and stops at {@code cap + 1} rows found.
     */
    private List<Long> rest(SearchSource source, String query, long upTo, int cap) {
        List<Long> found = new ArrayList<>(jdbc.queryForList(
                "select id from " + source.table + " where id <= ? and search_vector @@ cast(? as tsquery) limit ?",
                Long.class,
                upTo,
                query,
                cap + 1));
        found.sort(java.util.Comparator.reverseOrder());
        return found;
    }

    /**
     * The newest {@code need} matches in the slices (newest first; ids up to {@code below}), newest
     * first: from the index, at most {@value #WINDOW_CAP} rows read. A window denser than that (a
     * common word; or a burst of requests without the word above its matches) is taken in quarters
     * from the top, each split again while it is too dense, and a dense slice is read whole:
     * at most one slice, 4,096 rows.
     */
    private List<Long> window(SearchSource source, String query, List<Long> slices, long below, int need, int cap) {
        // the slices as a list, not a range: PostgreSQL then keeps them in the GIN index's
        // condition; a range (or one slice) it estimated dear and tested on every match instead
        List<Long> found = new ArrayList<>(jdbc.queryForList(
                "select id from " + source.table + " where (id >> " + source.sliceBits + ") = any(?::bigint[])"
                        + " and id <= ? and search_vector @@ cast(? as tsquery) limit ?",
                Long.class,
                array(slices),
                below,
                query,
                cap + 1));
        if (found.size() <= cap) {
            found.sort(java.util.Comparator.reverseOrder());
            return found.subList(0, Math.min(found.size(), need));
        }
        if (slices.size() > 1) {
            // in quarters from the top, each split again only if it is dense itself: the empty slices of
            // a burst above the matches cost a probe per quarter, not one per slice
            List<Long> ids = new ArrayList<>();
            int part = (slices.size() + 3) / 4;
            for (int from = 0; from < slices.size() && ids.size() < need; from += part) {
                List<Long> quarter = slices.subList(from, Math.min(slices.size(), from + part));
                ids.addAll(window(source, query, quarter, below, need - ids.size(), cap));
            }
            return ids;
        }
        // one dense slice: every match of its 4,096 ids from the index, each heap page read once
        // (a walk newest first read a page per row tested: 3,272 pages for 200 of 1,041 matches,
        // against 188 for all of them)
        List<Long> all = new ArrayList<>(jdbc.queryForList(
                "select id from " + source.table + " where (id >> " + source.sliceBits + ") = any(?::bigint[])"
                        + " and id <= ? and search_vector @@ cast(? as tsquery)",
                Long.class,
                array(slices),
                below,
                query));
        all.sort(java.util.Comparator.reverseOrder());
        return all.subList(0, Math.min(all.size(), need));
    }

    /** Ranks the candidate requests and messages; a match in a request's own fields counts double. */
    private Map<Long, Double> rank(String query, List<Long> requests, List<Long> messages, int limit) {
        Map<Long, Double> ranks = new LinkedHashMap<>();
        if (requests.isEmpty() && messages.isEmpty()) {
            return ranks;
        }
        jdbc.query(
                """
                select id, max(rank) as rank from (
                  select t.id, ts_rank(t.search_vector, cast(? as tsquery)) * 2 as rank
                    from ticket t where t.id = any(?::bigint[])
                  union all
                  select m.ticket_id as id, ts_rank(m.search_vector, cast(? as tsquery)) as rank
                    from ticket_message m where m.id = any(?::bigint[])
                ) hits group by id order by rank desc, id desc limit ?""",
                rs -> {
                    ranks.put(rs.getLong(1), rs.getDouble(2));
                },
                query,
                array(requests),
                query,
                array(messages),
                limit);
        return ranks;
    }

    private static final int SEARCH_CANDIDATES = 200;

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
