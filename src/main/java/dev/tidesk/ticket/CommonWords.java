package dev.tidesk.ticket;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How many rows of a search table hold a query's words, as far as PostgreSQL's own statistics of the
 * table's search vectors know: the most common lexemes and the share of rows holding each, with the
 * table's row count, read again every ten minutes (they change when the table is analyzed). A word
 * too rare to be among them counts as none. Search asks it before it reads a word's whole posting
 * list from the index at once: cheap for a rare word, a quarter of a second for one in every
 * twentieth message.
 */
final class CommonWords {

    private static final long REFRESH_NANOS = Duration.ofMinutes(10).toNanos();

    /** A lexeme in the text of a tsquery: quoted, a quote inside doubled. */
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')+)'");

    private final JdbcTemplate jdbc;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    private record Known(Map<String, Double> shares, double rows, long readAt) {}

    CommonWords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rows of {@code table} that the statistics say hold any of the words of {@code tsquery}: the
     * sum of the words' counts, so an upper bound (for words asked together, and for a word asked in
     * two readings); 0 when every word is too rare to be counted.
     */
    double rows(String table, String tsquery) {
        Known k = known.compute(
                table, (t, old) -> old != null && System.nanoTime() - old.readAt() < REFRESH_NANOS ? old : read(t));
        double share = 0;
        Set<String> seen = new HashSet<>();
        Matcher m = LEXEME.matcher(tsquery);
        while (m.find()) {
            String lexeme = m.group(1).replace("''", "'");
            if (seen.add(lexeme)) {
                share += k.shares().getOrDefault(lexeme, 0.0);
            }
        }
        return share * k.rows();
    }

    private Known read(String table) {
        Map<String, Double> shares = new HashMap<>();
        jdbc.query(
                """
                select e.lexeme, e.share from pg_stats s
                 cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) e(lexeme, share)
                 where s.schemaname = current_schema() and s.tablename = ? and s.attname = 'search_vector'
                   and e.lexeme is not null""",
                rs -> {
                    shares.put(rs.getString(1), rs.getDouble(2));
                },
                table);
        Double rows = jdbc.queryForObject(
                "select greatest(reltuples, 0)::float8 from pg_class where oid = to_regclass(?)", Double.class, table);
        return new Known(Map.copyOf(shares), rows == null ? 0 : rows, System.nanoTime());
    }
}
