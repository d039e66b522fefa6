package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.ticket.RequestQueries.SearchSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The summaries of the search index's slices ({@link SearchSummaries}, V463), written by the job as
 * the scheduler calls it: search skips a burst of slices that lack the words, and a summary never
 * hides a row (one still being written when its slice filled, or one whose words changed).
 */
@Tag("database")
@org.springframework.context.annotation.Import(SqlRecorder.Config.class)
class SearchSummariesTests extends WebTest {

    @Autowired
    RequestQueries queries;

    @Autowired
    SearchSummaries summaries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    SqlRecorder sql;

    @Test
    void aBurstWithoutTheWordIsSkippedOnceItsSlicesAreSummarized() {
        String word = SearchFixtures.word("qzb");
        Client client = data.client();
        SearchFixtures.moveOn(jdbc, 1);
        TicketView match = data.request(client, "Ошибка " + word, "Встречается " + word);
        List<Long> burst = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            SearchFixtures.moveOn(jdbc, 1);
            burst.add(
                    slice(data.request(client, "Ничего общего", "Совсем другое").id()));
        }
        SearchFixtures.moveOn(jdbc, 1); // the burst's last slice fills
        TicketView newest = data.request(client, "Тема", "Другое");
        String query = queries.tsquery(word);
        List<Long> walked =
                transactions.execute(tx -> queries.candidates(SearchSource.REQUESTS, query, 10, 10_000_000));
        assertThat(walked).containsExactly(match.id());

        List<Long> before = windowSlices(query);
        threeRounds();

        assertThat(summarized("ticket", burst)).as("the burst's slices").isEqualTo(burst.size());
        assertThat(summarized("ticket", List.of(slice(match.id())))).isOne();
        assertThat(summarized("ticket", List.of(slice(newest.id()))))
                .as("the newest slice, not every id of it given yet")
                .isZero();
        List<Long> after = windowSlices(query);
        assertThat(before).as("asked without the summaries").containsAll(burst);
        assertThat(after)
                .as("asked with them")
                .doesNotContainAnyElementsOf(burst)
                .contains(slice(match.id()));
        for (SearchSource source : SearchSource.values()) {
            List<Long> all = transactions.execute(tx -> queries.candidates(source, query, 10, 10_000_000));
            List<Long> indexed = transactions.execute(tx -> queries.candidates(source, query, 10, 0));
            List<Long> windows =
                    transactions.execute(tx -> queries.candidates(source, query, 10, 0, RequestQueries.WINDOW_CAP, -1));
            List<Long> dense = transactions.execute(tx -> queries.candidates(source, query, 10, 0, 0, -1));
            assertThat(indexed).as(source.name()).isEqualTo(all).hasSize(1);
            assertThat(windows).as(source.name()).isEqualTo(all);
            assertThat(dense).as(source.name()).isEqualTo(all);
        }
        assertThat(queries.search(word, 10)).extracting(h -> h.ticket().id()).containsExactly(match.id());
        // a word left out by "-" is not asked of the summaries, the rest of the query is
        String negated = queries.tsquery(word + " -сайт");
        List<Long> withoutSite = transactions.execute(
                tx -> queries.candidates(SearchSource.REQUESTS, negated, 10, 0, RequestQueries.WINDOW_CAP, -1));
        assertThat(withoutSite).containsExactly(match.id());
    }

    @Test
    void aSliceIsNotSummarizedWhileATransactionMayStillWriteToIt() throws Exception {
        String word = SearchFixtures.word("qzf");
        Client client = data.client();
        TicketView request = data.request(client, "Тема", "Первое письмо");
        SearchFixtures.moveOn(jdbc, 1);
        try (Connection open = dataSource.getConnection()) {
            open.setAutoCommit(false);
            long late;
            try (PreparedStatement insert =
                    open.prepareStatement("insert into ticket_message (ticket_id, kind, author_name, body, created_at)"
                            + " values (?, 'CLIENT', 'Клиент', ?, now()) returning id")) {
                insert.setLong(1, request.id());
                insert.setString(2, "Пишется долго " + word);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    late = rs.getLong(1);
                }
            }
            long lateSlice = late >> RequestQueries.SEARCH_SLICE_BITS;
            SearchFixtures.moveOn(jdbc, 2); // the slice of the message being written fills, and the next one
            data.request(client, "Тема", "Другое");
            threeRounds();
            assertThat(summarized("ticket_message", List.of(lateSlice)))
                    .as("the slice of a message not committed yet")
                    .isZero();

            open.commit();
            threeRounds();
            assertThat(summarized("ticket_message", List.of(lateSlice))).isOne();
            assertThat(holds("ticket_message", lateSlice, word)).isTrue();
            String query = queries.tsquery(word);
            List<Long> found = transactions.execute(tx -> queries.candidates(SearchSource.MESSAGES, query, 10, 0));
            assertThat(found).containsExactly(late);
        }
    }

    @Test
    void aRowWhoseWordsChangeForgetsItsSliceSummary() {
        String word = SearchFixtures.word("qzs");
        Client client = data.client();
        SearchFixtures.moveOn(jdbc, 1);
        TicketView request = data.request(client, "Тема", "Первое письмо");
        SearchFixtures.moveOn(jdbc, 2);
        data.request(client, "Тема", "Другое");
        threeRounds();
        long slice = slice(request.id());
        assertThat(summarized("ticket", List.of(slice))).isOne();
        assertThat(holds("ticket", slice, word)).isFalse();

        jdbc.update("update ticket set subject = ? where id = ?", "Тема " + word, request.id());
        assertThat(summarized("ticket", List.of(slice))).as("forgotten").isZero();
        assertThat(queries.search(word, 10)).extracting(h -> h.ticket().id()).containsExactly(request.id());
        // a change of anything but the words keeps it
        summaries.summarize();
        assertThat(holds("ticket", slice, word)).isTrue();
        jdbc.update("update ticket set updated_at = now() where id = ?", request.id());
        assertThat(summarized("ticket", List.of(slice))).isOne();
    }

    /**
     * A summary of requests holds thousands of lexemes (200 kB on the 1 M data set): read row by row,
     * through the primary key with the words as a filter, each is detoasted whole (70 ms for 371
     * slices); through the words' GIN index, none is (0.8 ms). The plan is asked as search sends it,
     * under the settings search runs it with.
     */
    @Test
    void theSummariesAreAskedThroughTheirWordsIndexNotReadRowByRow() throws Exception {
        Client client = data.client();
        SearchFixtures.moveOn(jdbc, 2);
        data.request(client, "Тема", "Другое");
        threeRounds();
        String query = queries.tsquery(SearchFixtures.word("qzp"));
        sql.start();
        transactions.execute(
                tx -> queries.candidates(SearchSource.MESSAGES, query, 10, 0, RequestQueries.WINDOW_CAP, -1));
        List<SqlRecorder.Recorded> asked = sql.stop().stream()
                .filter(s -> s.sql().contains("ticket_search_summary"))
                .toList();
        assertThat(asked).hasSize(1);
        String plan;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var settings = c.createStatement()) {
                settings.execute("set local enable_seqscan = off");
                settings.execute("set local enable_indexscan = off");
            }
            plan = asked.get(0).explain(c, "costs off");
            c.rollback();
        }
        assertThat(plan).contains("ticket_search_summary_lexemes_idx").doesNotContain("Filter: (lexemes");
    }

    @Test
    void aPhraseIsAskedOfASummaryAsItsWords() {
        assertThat(SearchSummaries.phrasesAsAnd("'сайт' <-> 'форм' | 'a' <2> 'b' & 'c'"))
                .isEqualTo("'сайт' & 'форм' | 'a' & 'b' & 'c'");
        assertThat(SearchSummaries.phrasesAsAnd("'a<->b' <-> 'it''s'")).isEqualTo("'a<->b' & 'it''s'");
        assertThat(summaries.presence(queries.tsquery("\"личный кабинет\" -сайт")))
                .isEqualTo("'личн' & 'кабинет' | 'личный' & 'кабинет'");
        assertThat(summaries.presence(queries.tsquery("-сайт"))).isNull();
    }

    /** The slices the windows of a search for the query ask the index for, requests only, rest probe off. */
    private List<Long> windowSlices(String query) {
        sql.start();
        transactions.execute(
                tx -> queries.candidates(SearchSource.REQUESTS, query, 10, 0, RequestQueries.WINDOW_CAP, -1));
        List<Long> slices = new ArrayList<>();
        for (SqlRecorder.Recorded statement : sql.stop()) {
            if (statement.sql().contains(">> " + RequestQueries.SEARCH_SLICE_BITS + ") = any")) {
                for (ParameterSetOperation op : statement.parameters().get(0)) {
                    if (op.getArgs()[1] instanceof Long[] asked) {
                        slices.addAll(Arrays.asList(asked));
                    }
                }
            }
        }
        return slices;
    }

    /**
     * Three runs of the job as the scheduler makes them: enough, whatever the rounds before left, for
     * every slice filled before the first to be summarized once no transaction is open.
     */
    private void threeRounds() {
        summaries.summarize();
        summaries.summarize();
        summaries.summarize();
    }

    private static long slice(long id) {
        return id >> RequestQueries.SEARCH_SLICE_BITS;
    }

    private int summarized(String source, List<Long> slices) {
        Integer n = jdbc.queryForObject(
                "select count(*) from ticket_search_summary where source = ? and slice = any(?::bigint[])",
                Integer.class,
                source,
                slices.toArray(Long[]::new));
        return n == null ? 0 : n;
    }

    private boolean holds(String source, long slice, String word) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select lexemes @@ cast(? as tsquery) from ticket_search_summary where source = ? and slice = ?",
                Boolean.class,
                summaries.presence(queries.tsquery(word)),
                source,
                slice));
    }
}
