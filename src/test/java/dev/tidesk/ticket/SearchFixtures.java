package dev.tidesk.ticket;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** For the search tests: words no other test writes, and requests placed in later slices of the index. */
final class SearchFixtures {

    private SearchFixtures() {}

    /**
     * A Latin word no other test writes: the prefix, the clock in letters, and "ings" (so that the
     * English stem differs from the word as typed).
     */
    static String word(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x") + "ings";
    }

    /**
     * Moves both tables' id sequences to the start of the slice {@code slices} on from the one their
     * next id would fall in: the next request and its first message each open a slice.
     */
    static void moveOn(JdbcTemplate jdbc, int slices) {
        for (String sequence : List.of("ticket_id_seq", "ticket_message_id_seq")) {
            jdbc.queryForObject(
                    "select setval(?, ((nextval(?) >> ?) + ?) << ?)",
                    Long.class,
                    sequence,
                    sequence,
                    RequestQueries.SEARCH_SLICE_BITS,
                    slices,
                    RequestQueries.SEARCH_SLICE_BITS);
        }
    }
}
