package dev.tidesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.GeneratedDataTest;
import dev.tidesk.generator.DataGenerator;
import dev.tidesk.generator.GeneratorOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The benchmark harness on tiny generated data for a few seconds, so that it does not rot: every
 * action must produce figures and no errors.
 */
class BenchmarkSmokeTests extends GeneratedDataTest {

    @Autowired
    DataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Environment environment;

    @Test
    void theHarnessMeasuresEveryAction() throws Exception {
        String domain = "smoke" + System.nanoTime() + ".example";
        generator.generate(
                new GeneratorOptions(6, 600, 3, null, 1, GeneratorOptions.DEFAULT_PASSWORD, domain),
                new PrintStream(new ByteArrayOutputStream()));
        BenchData data = BenchData.of(jdbc, domain);
        LoadHarness harness = new LoadHarness(new LoadHarness.Plan(
                "http://127.0.0.1:" + environment.getProperty("local.server.port"),
                data.agents(),
                data.heads(),
                data.clients(),
                GeneratorOptions.DEFAULT_PASSWORD,
                data.tids(),
                LoadHarness.words(),
                2,
                2,
                Duration.ZERO,
                Duration.ofSeconds(5),
                1));
        List<LoadHarness.Figures> figures = harness.run();
        Map<String, LoadHarness.Figures> byAction = LoadHarness.byAction(figures);

        assertThat(byAction.keySet()).containsExactlyElementsOf(LoadHarness.ACTIONS);
        assertThat(harness.lastErrors()).isEmpty();
        for (LoadHarness.Figures f : figures) {
            assertThat(f.count()).as(f.action()).isPositive();
            assertThat(f.errors()).as(f.action()).isZero();
            assertThat(f.p50()).as(f.action()).isPositive().isLessThanOrEqualTo(f.p95());
            assertThat(f.p95()).as(f.action()).isLessThanOrEqualTo(f.p99());
        }
        assertThat(LoadHarness.table(figures)).contains("| dashboard |").contains("| portal-create |");
    }
}
