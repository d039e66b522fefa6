package dev.tidesk.bench;

import dev.tidesk.generator.DataGenerator;
import dev.tidesk.generator.GeneratorOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark: {@code ./mvnw -B verify -Pbench} (not part of the default test run). Starts
 * Tidesk on the embedded PostgreSQL kept in {@code TIDESK_BENCH_DIR} (default
 * {@code ../bench-data/postgres}, outside the repository), generates the data there when it is
 * empty, drives the load and writes the figures to {@code docs/benchmarks.md}.
 * <p>
 * System properties: {@code bench.orgs} (1000), {@code bench.requests} (1000000), {@code bench.agents}
 * (8 staff users, the first one the head on the dashboard), {@code bench.clients} (8),
 * {@code bench.seconds} (60), {@code bench.warmup} (15).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tidesk.db.embedded.data-dir=${TIDESK_BENCH_DIR:../bench-data/postgres}", "spring.thymeleaf.cache=true",
            "logging.level.root=WARN", "logging.level.dev.tidesk=INFO",
            // as in production: the test profile recomputes the dashboard on every view
            "tidesk.report.dashboard-max-age=PT1M"
        })
class Benchmark {

    @Autowired
    DataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void run() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int orgs = Integer.getInteger("bench.orgs", 1000);
        int requests = Integer.getInteger("bench.requests", 1_000_000);
        String domain = GeneratorOptions.DEFAULT_DOMAIN;
        Long have = jdbc.queryForObject("select count(*) from account where login = ?", Long.class, "head@" + domain);
        if (have == null || have == 0) {
            generator.generate(new GeneratorOptions(orgs, requests, 42, null, 3, null, domain), out);
        }
        BenchData data = BenchData.of(jdbc, domain);
        int agents = Integer.getInteger("bench.agents", 8);
        int clients = Integer.getInteger("bench.clients", 8);
        Duration seconds = Duration.ofSeconds(Integer.getInteger("bench.seconds", 60));
        Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 15));
        out.printf(
                "Load: %d staff users, %d clients, %s warm-up, %s measured, on %,d requests%n",
                agents, clients, warmup, seconds, data.requests());
        LoadHarness harness = new LoadHarness(new LoadHarness.Plan(
                "http://127.0.0.1:" + environment.getProperty("local.server.port"),
                data.agents(),
                data.heads(),
                data.clients(),
                GeneratorOptions.DEFAULT_PASSWORD,
                data.tids(),
                LoadHarness.words(),
                agents,
                clients,
                warmup,
                seconds,
                42));
        List<LoadHarness.Figures> figures = harness.run();
        String table = LoadHarness.table(figures);
        out.println(table);
        if (!harness.lastErrors().isEmpty()) {
            out.println("Errors: " + harness.lastErrors());
        }
        writeReport(data, agents, clients, seconds, table);
    }

    private void writeReport(BenchData data, int agents, int clients, Duration seconds, String table)
            throws IOException {
        Path file = Path.of("docs", "benchmarks.md");
        String section = "<!-- bench:results -->\n"
                + "Run on " + LocalDate.now() + ", machine: " + Machine.describe() + ".\n\n"
                + String.format(
                        "Data: %,d organizations, %,d requests, %,d messages (generated with seed 42).%n%n",
                        data.organizations(), data.requests(), data.messages())
                + String.format(
                        "Load: %d staff users (one of them the head opening the dashboard) and %d clients, "
                                + "each sending its next request as soon as the previous one is answered, for %d s after "
                                + "a warm-up; Tidesk and the load driver in one JVM, PostgreSQL 17 embedded.%n%n",
                        agents, clients, seconds.toSeconds())
                + table + "<!-- /bench:results -->";
        String text = Files.exists(file)
                ? Files.readString(file)
                : "# Benchmarks\n\n<!-- bench:results -->\n<!-- /bench:results -->\n";
        int from = text.indexOf("<!-- bench:results -->");
        int to = text.indexOf("<!-- /bench:results -->");
        text = from >= 0 && to > from
                ? text.substring(0, from) + section + text.substring(to + "<!-- /bench:results -->".length())
                : text + "\n" + section + "\n";
        Files.writeString(file, text);
    }
}
