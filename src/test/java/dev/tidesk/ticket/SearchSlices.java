package dev.tidesk.ticket;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Places the next requests and messages in later slices of the search index, for the search tests. */
final class SearchSlices {

    private SearchSlices() {}

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
