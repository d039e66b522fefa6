package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two ways search finds its candidates give the same ranking: the newest-first walk and the
 * GIN bitmap that takes over when the walk runs past {@code tidesk.search.walk-timeout} (which
 * only happens on big tables, so here each is called directly).
 */
@Tag("integration")
@Tag("database")
@SpringBootTest
class SearchRankingTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    RequestQueries queries;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theIndexFallbackRanksLikeTheWalk() {
        String word = "qzv" + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "x") + "ings";
        TestData data = new TestData(context);
        Client client = data.client();
        TicketView inSubject = data.request(client, "Ошибка " + word, "Текст без слова");
        TicketView inBody = data.request(client, "Другая тема", "Встречается " + word + " в письме");
        data.request(client, "Ничего общего", "Совсем другое");

        // the query as search builds it: the English stemmer indexes the word without "ings",
        // so a raw 'word' query would find nothing
        String query = queries.tsquery(word);
        Map<Long, Double> walk = transactions.execute(tx -> queries.rank(query, 50, false));
        Map<Long, Double> index = transactions.execute(tx -> queries.rank(query, 50, true));

        // a match in the subject counts double, so it ranks first
        assertThat(walk.keySet()).containsExactly(inSubject.id(), inBody.id());
        assertThat(index).isEqualTo(walk);
    }
}
