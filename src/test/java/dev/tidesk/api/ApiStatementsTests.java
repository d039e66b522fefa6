package dev.tidesk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestClock;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.identity.ApiTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one request created through the API costs the database: statements and commits counted by
 * a proxy around the data source (datasource-proxy), not timed. A commit is a WAL flush with
 * durable commits, so one request is one write transaction; the token's last use is written at
 * most once a minute.
 */
@Import(SqlRecorder.Config.class)
class ApiStatementsTests extends WebTest {

    /**
     * Statements one API creation may send (measured: see docs/benchmarks.md), the shared notice to the
     * agents on duty included.
     */
    static final int STATEMENT_BUDGET = 15;

    @Autowired
    ApiTokens tokens;

    @Autowired
    SqlRecorder sql;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aRequestCreatedThroughTheApiIsOneWriteTransactionWithinItsStatementBudget() throws Exception {
        Client client = data.client();
        String token = tokens.issue(accountOf(data.agent().email()), "budget");
        // a colleague on duty, as a desk always has: the new request's notice is part of its cost, whichever
        // tests ran before in this context
        data.agent();
        create(token, client, 0); // warm: first use writes last_used_at, caches fill
        int runs = 10;
        long commits = sql.commits();
        sql.start();
        for (int i = 1; i <= runs; i++) {
            create(token, client, i);
        }
        List<SqlRecorder.Recorded> sent = sql.stop();
        long committed = sql.commits() - commits;
        String listing = sent.stream()
                .map(r -> r.sql().replaceAll("\\s+", " "))
                .collect(Collectors.groupingBy(s -> s.length() > 120 ? s.substring(0, 120) : s, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> e.getValue() + " x " + e.getKey())
                .sorted()
                .collect(Collectors.joining("\n"));
        System.out.println("API creation, per " + runs + " requests: " + sent.size() + " statements, " + committed
                + " commits\n" + listing);

        assertThat(sent.stream().filter(r -> r.sql().contains("api_token") && !r.isSelect()))
                .as("the token's last use is not written again within the minute")
                .isEmpty();
        assertThat(sent.size() / (double) runs).as(listing).isLessThanOrEqualTo(STATEMENT_BUDGET);
        // the request's own write transaction and the read-only authentication (which flushes nothing)
        assertThat(committed / (double) runs).as(listing).isLessThanOrEqualTo(2.0);
    }

    @Test
    void theTokensLastUseIsWrittenAtMostOnceAMinute() throws Exception {
        Client client = data.client();
        String token = tokens.issue(accountOf(data.agent().email()), "last use");
        create(token, client, 1);
        Timestamp first = lastUsed(token);
        assertThat(first).isNotNull();
        clock.advance(Duration.ofSeconds(30));
        create(token, client, 2);
        assertThat(lastUsed(token)).isEqualTo(first);
        clock.advance(Duration.ofSeconds(31));
        create(token, client, 3);
        assertThat(lastUsed(token)).isAfter(first);
    }

    private Timestamp lastUsed(String token) {
        return jdbc.queryForObject(
                "select max(last_used_at) from api_token where name in ('last use')", Timestamp.class);
    }

    private void create(String token, Client client, int i) throws Exception {
        mvc.perform(post("/api/v1/requests")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"contactEmail": "%s", "subject": "Мониторинг %d", "body": "HTTP 503", "urgency": "HIGH"}
                        """.formatted(client.contact().email(), i)))
                .andExpect(status().isCreated());
    }
}
