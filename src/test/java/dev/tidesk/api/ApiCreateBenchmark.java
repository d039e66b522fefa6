package dev.tidesk.api;

import dev.tidesk.TestData;
import dev.tidesk.identity.ApiTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests created through the API per second: {@code benchmark.clients} (4) HTTP clients on the
 * loopback, each posting its next request as soon as the previous one is answered, for
 * {@code benchmark.seconds} (20) after a warm-up of the same length. Durable commits, as in
 * production: the embedded PostgreSQL runs with {@code synchronous_commit = on}. Besides the rate,
 * the database's own counters per request (commits, rows inserted and updated, from
 * {@code pg_stat_database}). Not part of the build: {@code ./mvnw -B verify -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ApiCreateBenchmark -Dbenchmark=true}; the figures
 * go to target/api-create-bench.txt.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ApiCreateBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void requestsCreatedPerSecond() throws Exception {
        int clients = Integer.getInteger("benchmark.clients", 4);
        int seconds = Integer.getInteger("benchmark.seconds", 20);
        TestData data = new TestData(context);
        TestData.Client client = data.client();
        long account = jdbc.queryForObject(
                "select id from account where lower(login) = lower(?)",
                Long.class,
                data.agent().email());
        String token = tokens.issue(account, "benchmark");
        String body = """
                {"contactEmail": "%s", "subject": "Сайт недоступен (мониторинг)", "body": "HTTP 503 три проверки подряд", "urgency": "HIGH"}""".formatted(client.contact().email());
        run(clients, seconds, token, body); // warm-up
        Map<String, Object> before = counters();
        long t0 = System.nanoTime();
        long created = run(clients, seconds, token, body);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> after = counters();
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                "synchronous_commit = %s, %d clients, %d s: %d requests, %.0f per second%n",
                jdbc.queryForObject("show synchronous_commit", String.class),
                clients,
                seconds,
                created,
                created / elapsed));
        for (String k : after.keySet()) {
            double d = ((Number) after.get(k)).doubleValue() - ((Number) before.get(k)).doubleValue();
            out.append(String.format("%s per request: %.2f%n", k, d / created));
        }
        Files.writeString(Path.of("target/api-create-bench.txt"), out);
        System.out.println("BENCHMARK " + out);
    }

    private Map<String, Object> counters() {
        jdbc.execute("select pg_stat_force_next_flush()");
        return jdbc.queryForMap("""
                select xact_commit as commits, tup_inserted as inserted, tup_updated as updated, tup_deleted as deleted
                  from pg_stat_database where datname = current_database()""");
    }

    private long run(int clients, int seconds, String token, String body) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        AtomicLong created = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            threads[i] = new Thread(() -> {
                HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/requests"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                while (System.nanoTime() < end) {
                    try {
                        HttpResponse<Void> r = http.send(post, HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 201) {
                            created.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            threads[i].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return created.get();
    }
}
