package dev.tidesk.mail;

import dev.tidesk.shared.CappedCount;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The status tiles of the admins' mail pages (outbox, incoming mail), counted in one statement. Each
 * status is counted up to {@link #CAP} through the table's index of status; a status that only grows
 * (sent, processed, set aside) is counted over the last {@link #RECENT} only. The tables keep all mail
 * ever sent or received, and counting them whole took seconds on the bench set.
 */
public final class MailTiles {

    /** A tile counts up to this many, then says "10 000+". */
    public static final int CAP = 10_000;

    /** The span of the tiles of statuses that only grow: the last day. */
    public static final Duration RECENT = Duration.ofDays(1);

    private MailTiles() {}

    /**
     * Each status of {@code table} (written into the statement, so a partial index of it applies),
     * those in {@code growing} only where {@code timeColumn} is within {@link #RECENT} of {@code now}.
     */
    static <S extends Enum<S>> Map<S, CappedCount> count(
            JdbcTemplate jdbc, String table, Class<S> statuses, Set<S> growing, String timeColumn, Instant now) {
        S[] all = statuses.getEnumConstants();
        List<String> counts = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (S status : all) {
            String recent = "";
            if (growing.contains(status)) {
                recent = " and " + timeColumn + " >= ?";
                args.add(Timestamp.from(now.minus(RECENT)));
            }
            counts.add("(select count(*) from (select 1 from " + table + " where status = '" + status.name() + "'"
                    + recent + " limit ?) c)");
            args.add(CAP + 1);
        }
        Map<S, CappedCount> tiles = new EnumMap<>(statuses);
        jdbc.query(
                "select " + String.join(", ", counts),
                (java.sql.ResultSet rs) -> {
                    for (int i = 0; i < all.length; i++) {
                        tiles.put(all[i], new CappedCount(rs.getLong(i + 1), CAP));
                    }
                },
                args.toArray());
        return tiles;
    }
}
