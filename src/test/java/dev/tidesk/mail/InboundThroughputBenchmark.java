package dev.tidesk.mail;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test: inbound messages per second end to end (raw bytes stored, parsed, threaded, a new
 * request with its acknowledgement queued). Run with
 * {@code ./mvnw -B test -Dtest=InboundThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InboundThroughputBenchmark extends MailTest {

    /** Counts the statements sent per message (a proxy around the data source, for this benchmark only). */
    @TestConfiguration
    static class Counting {
        @Bean
        static SqlCounter sqlCounter() {
            return new SqlCounter();
        }
    }

    @Autowired
    MailIntake intake;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void messagesPerSecond() throws Exception {
        int messages = Integer.getInteger("benchmark.messages", 2000);
        int threads = Integer.getInteger("benchmark.threads", 4);
        Client client = data.client();
        byte[][] raws = new byte[messages][];
        for (int i = 0; i < messages; i++) {
            raws[i] = ("From: Анна <" + client.login() + ">\r\nTo: support@tidesk.local\r\nSubject: Bench " + i
                    + "\r\nMessage-ID: <bench-" + i + "-" + System.nanoTime() + "@client.example>\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n\r\nНе работает страница " + i + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
        }
        // warm-up
        for (int i = 0; i < 50; i++) {
            intake.receive("bench-warmup", (new String(raws[i], StandardCharsets.UTF_8).replace("<bench-", "<warm-"))
                    .getBytes(StandardCharsets.UTF_8));
        }
        SqlCounter.reset();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (byte[] raw : raws) {
            pool.execute(() -> intake.receive("bench", raw));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        Integer processed = jdbc.queryForObject(
                "select count(*) from mail_inbound where source = 'bench' and status = 'PROCESSED'", Integer.class);
        System.out.printf("BENCHMARK inbound: %d messages in %.1f s = %.0f messages/s (%d threads), processed %d%n",
                messages, seconds, messages / seconds, threads, processed);
        System.out.println("BENCHMARK SQL per message:\n" + SqlCounter.report(messages));
        assertThat(processed).isEqualTo(messages);
    }
}
