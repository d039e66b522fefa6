package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.ticket.RequestQueries.SearchSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two ways search finds its newest matches give the same rows in the same order: the walk of
 * the newest rows and the index's widening windows of slices ({@code 1 << SEARCH_SLICE_BITS} ids
 * each) with the probe of the words alone below them, here over matches spread across some sixty
 * slices by moving the id sequences on between requests.
 */
@Tag("database")
@org.springframework.context.annotation.Import(SqlRecorder.Config.class)
class SearchRankingTests extends WebTest {

    @Autowired
    RequestQueries queries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SqlRecorder sql;

    @Test
    void postgresStatisticsCountACommonWordAndNotARareOne() {
        String word = SearchFixtures.word("qzc");
        Client client = data.client();
        int with = 120;
        TicketView ticket = data.request(client, "Тема", "Первое письмо");
        jdbc.update("""
                insert into ticket_message (ticket_id, kind, author_name, body, created_at)
                select ?, 'CLIENT', 'Клиент', 'Снова ' || ? || ' на странице ' || g, now() from generate_series(1, ?) g""", ticket.id(), word, with);
        jdbc.execute("analyze ticket_message");
        Long total = jdbc.queryForObject("select count(*) from ticket_message", Long.class);
        CommonWords words = new CommonWords(jdbc);
        double counted = words.rows("ticket_message", queries.tsquery(word));
        // the word as typed and its stem: up to twice its rows, from a sample of the table
        assertThat(counted).as("of %d messages", total).isBetween(with * 0.5, with * 2.5);
        assertThat(words.rows("ticket_message", queries.tsquery("qzvnowherexx")))
                .isZero();
    }

    @Test
    void theWalkAndTheIndexWindowsFindTheSameNewestMatches() {
        String word = SearchFixtures.word("qzv");
        Client client = data.client();
        List<TicketView> matching = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // each request in a later slice of both tables: 1, 2, 9 or 40 slices on, so that the
            // oldest two lie below the first windows (1 + 4 + 16 slices) and come from the words alone
            // (each at the start of its slice)
            int skip = (i == 3 ? 9 : i == 2 ? 40 : 1 + i % 2);
            SearchFixtures.moveOn(jdbc, skip);
            matching.add(data.request(client, i % 2 == 0 ? "Ошибка " + word : "Тема", "Встречается " + word));
            data.request(client, "Ничего общего", "Совсем другое");
        }
        // the newest match in its messages shares a slice with the one before it
        TicketView sameSlice = data.request(client, "Тема", "Ещё раз " + word);
        String query = queries.tsquery(word);
        List<Long> newestFirst = matching.stream()
                .map(TicketView::id)
                .sorted((a, b) -> Long.compare(b, a))
                .toList();

        for (SearchSource source : SearchSource.values()) {
            List<Long> walked = transactions.execute(tx -> queries.candidates(source, query, 10, 10_000_000));
            List<Long> indexed = transactions.execute(tx -> queries.candidates(source, query, 10, 0));
            List<Long> newestThree = transactions.execute(tx -> queries.candidates(source, query, 3, 0));
            // every window denser than one row: split into slices, and a slice with two matches read whole
            List<Long> dense = transactions.execute(tx -> queries.candidates(source, query, 10, 0, 0));
            List<Long> denseThree = transactions.execute(tx -> queries.candidates(source, query, 3, 0, 0));
            // words taken for common: no probe of the words alone, the windows of 64 slices instead
            List<Long> common =
                    transactions.execute(tx -> queries.candidates(source, query, 10, 0, RequestQueries.WINDOW_CAP, -1));
            assertThat(indexed).as(source.name()).isEqualTo(walked);
            assertThat(dense).as(source.name()).isEqualTo(walked);
            assertThat(common).as(source.name()).isEqualTo(walked);
            assertThat(denseThree).as(source.name()).isEqualTo(walked.subList(0, Math.min(3, walked.size())));
            assertThat(newestThree).as(source.name()).isEqualTo(walked.subList(0, Math.min(3, walked.size())));
            assertThat(walked).as(source.name()).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        }
        // a word too rare for the statistics is asked alone at once, without a window of slices; the
        // same word taken for common is asked window by window
        for (int restMostRows : List.of(RequestQueries.REST_MOST_ROWS, -1)) {
            sql.start();
            transactions.execute(tx ->
                    queries.candidates(SearchSource.MESSAGES, query, 10, 0, RequestQueries.WINDOW_CAP, restMostRows));
            List<String> asked =
                    sql.stop().stream().map(SqlRecorder.Recorded::sql).toList();
            List<String> windows = asked.stream()
                    .filter(s -> s.contains(">> " + RequestQueries.SEARCH_SLICE_BITS))
                    .toList();
            if (restMostRows < 0) {
                assertThat(windows).as("windows asked for a common word").isNotEmpty();
            } else {
                assertThat(windows).as("windows asked for a rare word").isEmpty();
            }
        }
        List<Long> requests = transactions.execute(tx -> queries.candidates(SearchSource.REQUESTS, query, 10, 0));
        assertThat(requests).containsExactly(newestFirst.get(0), newestFirst.get(2), newestFirst.get(4));
        List<Long> messages = transactions.execute(tx -> queries.candidates(SearchSource.MESSAGES, query, 10, 0));
        assertThat(messages).hasSize(6);

        // a match in the subject counts double, so those rank first
        assertThat(queries.search(word, 10))
                .extracting(h -> h.ticket().id())
                .containsExactly(
                        newestFirst.get(0),
                        newestFirst.get(2),
                        newestFirst.get(4),
                        sameSlice.id(),
                        newestFirst.get(1),
                        newestFirst.get(3));
    }
}
