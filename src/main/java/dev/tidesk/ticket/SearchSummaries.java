package dev.tidesk.ticket;

import dev.tidesk.ticket.RequestQueries.SearchSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which words each finished slice of the search indexes holds ({@code ticket_search_summary},
 * V463), so that search asks the index only for the slices where the words may be. Without it, a
 * search for a word that a burst of new requests lacks stepped through the burst's slices one
 * window at a time (some 15 index pages an empty slice) before it reached the word's matches.
 *
 * <p>A summary must hold every word of every row its slice will ever hold, or search would miss
 * rows. So a slice is summarized only when
 * <ul>
 *   <li>every id it may hold is allocated: its last id is at most the table's sequence, read one
 *       round before;
 *   <li>every transaction that may still write one of those ids is over: ids are allocated by the
 *       insert that writes them, and a transaction has its id by then, so once every transaction
 *       that was running a round after the sequence was read has ended (the oldest running
 *       transaction is newer than that round's snapshot's upper bound), nothing can add a row below
 *       the sequence value read.
 * </ul>
 * So a summary is written two or three rounds after its slice fills. A row that changes its words
 * later forgets its slice's summary (V463's trigger) and the next round writes it again; a row
 * deleted leaves its words in the summary, which then only costs a search one slice it need not
 * have asked.
 */
@Component
class SearchSummaries {

    private static final Logger log = LoggerFactory.getLogger(SearchSummaries.class);

    /**
     * How long one round may write summaries. A slice takes 40-130 ms (on the 1 M data set), so the
     * first round after an upgrade would take minutes (80 s for 1.5 M requests): it goes on over
     * the next rounds instead, newest slices first, and the scheduler's other thread meanwhile runs
     * the outbox and the mailbox jobs ({@code spring.task.scheduling.pool.size=2}).
     */
    private static final java.time.Duration ROUND = java.time.Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    /** The sequences read last round, to be fenced by this round's snapshot. */
    private Map<SearchSource, Long> read;

    /** Sequences read two rounds ago, safe once every transaction below {@link Fence#xmax} is over. */
    private Fence fence;

    private record Fence(Map<SearchSource, Long> allocated, long xmax) {}

    SearchSummaries(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The job: summarizes the slices that are safe to summarize, newest first. */
    @Scheduled(
            fixedDelayString = "${tidesk.search.summary-interval:15s}",
            initialDelayString = "${tidesk.search.summary-interval:15s}")
    @SchedulerLock(
            name = "ticket-search-summaries",
            lockAtMostFor = "${tidesk.search.summary-interval:15s}",
            lockAtLeastFor = "${tidesk.search.summary-interval:15s}")
    public synchronized void summarize() {
        long[] snapshot = jdbc.queryForObject(
                "select pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint"
                        + " from pg_current_snapshot() s",
                (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
        if (fence != null && snapshot[0] >= fence.xmax()) {
            int written = 0;
            long until = System.nanoTime() + ROUND.toNanos();
            for (SearchSource source : SearchSource.values()) {
                written += summarizeUpTo(source, fence.allocated().get(source), until);
            }
            if (written > 0) {
                log.info("Search: {} slices summarized", written);
            }
            fence = null;
        }
        if (fence == null && read != null) {
            fence = new Fence(read, snapshot[1]);
            read = null;
        }
        if (read == null) {
            Map<SearchSource, Long> now = new EnumMap<>(SearchSource.class);
            for (SearchSource source : SearchSource.values()) {
                now.put(source, allocated(source));
            }
            read = now;
        }
    }

    /** The highest id the table's sequence has given (or may have given), 0 before the first. */
    private long allocated(SearchSource source) {
        Long last = jdbc.queryForObject(
                "select case when is_called then last_value else last_value - 1 end from " + source.table + "_id_seq",
                Long.class);
        return last == null ? 0 : last;
    }

    /**
     * Writes the missing summaries of the slices whose every id is at most {@code allocated}, newest
     * first, until the round's time is up ({@code until}, after at least one).
     */
    private int summarizeUpTo(SearchSource source, long allocated, long until) {
        long full = ((allocated + 1) >> source.sliceBits) - 1; // the newest slice with every id allocated
        if (full < 0) {
            return 0;
        }
        Set<Long> done = new HashSet<>(jdbc.queryForList(
                "select slice from ticket_search_summary where source = ? and slice <= ?",
                Long.class,
                source.table,
                full));
        List<Long> missing = new ArrayList<>();
        for (long slice = full; slice >= 0; slice--) {
            if (!done.contains(slice)) {
                missing.add(slice);
            }
        }
        int written = 0;
        for (long slice : missing) {
            if (written > 0 && System.nanoTime() > until) {
                break; // the rest next round
            }
            write(source, slice);
            written++;
        }
        return written;
    }

    /**
     * The slice's distinct lexemes (none for a slice without rows), read and written under the
     * slice's lock, which a row changing its words shares (V463).
     */
    private void write(SearchSource source, long slice) {
        long first = slice << source.sliceBits;
        long last = ((slice + 1) << source.sliceBits) - 1;
        transactions.executeWithoutResult(tx -> {
            jdbc.query(
                    "select pg_advisory_xact_lock(hashtext('ticket_search_summary:' || ?), ?)",
                    rs -> null,
                    source.table,
                    (int) slice);
            jdbc.update(
                    "insert into ticket_search_summary (source, slice, lexemes)"
                            + " select ?, ?, coalesce(array_to_tsvector(array_agg(word)), ''::tsvector)"
                            + " from ts_stat('select search_vector from " + source.table
                            + " where id between " + first + " and " + last + "')"
                            + " on conflict (source, slice) do update set lexemes = excluded.lexemes",
                    source.table,
                    slice);
        });
    }

    /**
     * The slices at most {@code top} that search must ask for the tsquery, newest first: every
     * slice but the summarized ones that lack the words. {@code presence} is the query as the
     * lexemes its matches must hold ({@link #presence}); null asks every slice. Needs a transaction
     * with sequential and plain index scans off: the words' index must answer, for a summary read
     * row by row is read whole (a slice of requests has some 8,000 lexemes, 200 kB: 70 ms for the
     * 1 M data set's 371 slices through the primary key, 0.8 ms through the words' index). The words'
     * condition is the only one that index can take ({@code source || ''} keeps the primary key out).
     */
    List<Long> slices(SearchSource source, String presence, long top) {
        Set<Long> skipped = presence == null
                ? Set.of()
                : new HashSet<>(jdbc.queryForList("""
                        select slice from ticket_search_summary where source = ? and slice <= ?
                        except
                        select slice from ticket_search_summary
                         where lexemes @@ cast(? as tsquery) and source || '' = ?""", Long.class, source.table, top, presence, source.table));
        List<Long> slices = new ArrayList<>();
        for (long slice = top; slice >= 0; slice--) {
            if (!skipped.contains(slice)) {
                slices.add(slice);
            }
        }
        return slices;
    }

    /**
     * What a row must hold to match the tsquery, as a tsquery a summary can answer: the query's
     * indexable part ({@code querytree}: negations dropped) with each phrase operator read as "and"
     * (a summary has no positions). Null when no part is indexable ("not a word"): every slice may
     * then hold matches.
     */
    String presence(String tsquery) {
        String tree = jdbc.queryForObject("select querytree(cast(? as tsquery))", String.class, tsquery);
        if (tree == null || tree.isBlank() || tree.equals("T")) {
            return null;
        }
        return phrasesAsAnd(tree);
    }

    /** {@code 'a' <-> 'b' <2> 'c'} as {@code 'a' & 'b' & 'c'}; quoted lexemes are left as they are. */
    static String phrasesAsAnd(String tsquery) {
        StringBuilder out = new StringBuilder(tsquery.length());
        boolean quoted = false;
        for (int i = 0; i < tsquery.length(); i++) {
            char c = tsquery.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote inside a lexeme toggles twice
            } else if (c == '<' && !quoted) {
                int end = tsquery.indexOf('>', i);
                if (end > i) {
                    out.append('&');
                    i = end;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
