package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.customer.Customers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: inbound messages per second end to end (raw bytes stored, parsed, threaded, then a
 * new request with a new contact and its acknowledgement queued, or a reply added to an earlier
 * request). Three in four messages are first mails from new senders of a known client's domain
 * (every tenth with a 12 KB PDF), one in four a reply to an earlier request. Run with
 * {@code ./mvnw -B test -Dtest=InboundThroughputBenchmark -Dbenchmark=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InboundThroughputBenchmark extends MailTest {

    /**
     * Counts the statements sent per message (a proxy around the data source, for this benchmark only),
     * with {@code -Dbenchmark.sql=true}: the proxy costs about 5% of the throughput.
     */
    @TestConfiguration
    @ConditionalOnBooleanProperty("benchmark.sql")
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

    @Autowired
    Customers customers;

    @Test
    void messagesPerSecond() throws Exception {
        int messages = Integer.getInteger("benchmark.messages", 8000);
        int threads = Integer.getInteger("benchmark.threads", 8);
        int warmup = Integer.getInteger("benchmark.warmup", 3000);
        // a client whose domain is known: each new sender becomes a new contact of it (R7)
        String domain = "bench" + System.nanoTime() + ".example";
        customers.createOrganization("ООО Бенчмарк " + domain, domain);
        String run = Long.toString(System.nanoTime());

        // warm-up, one by one: long enough for the JIT to compile the hot path, as in a server that has
        // run a while; these requests are what the measured replies answer
        for (int i = 0; i < warmup; i++) {
            intake.receive("bench-warmup", newRequest("w" + i, domain, run, i));
        }
        byte[][] raws = new byte[messages][];
        int replies = 0;
        int files = 0;
        for (int i = 0; i < messages; i++) {
            if (i % 4 == 3 && warmup > 0) {
                raws[i] = reply("w" + (i % warmup), domain, run, i);
                replies++;
            } else {
                raws[i] = newRequest("m" + i, domain, run, i);
                files += i % 10 == 0 ? 1 : 0;
            }
        }
        int acknowledgementsBefore = acknowledgements();
        SqlCounter.reset();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        for (byte[] raw : raws) {
            pool.execute(() -> intake.receive("bench", raw));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> outcome = jdbc.queryForMap("""
                select count(*) filter (where status = 'PROCESSED') as processed,
                       count(*) filter (where outcome = 'NEW_REQUEST') as created,
                       count(*) filter (where outcome = 'REPLY') as replied
                from mail_inbound where source = 'bench'""");
        int acknowledged = acknowledgements() - acknowledgementsBefore;
        System.out.printf(
                "BENCHMARK inbound: %d messages in %.1f s = %.0f messages/s (%d threads); "
                        + "%s processed: %s new requests (%d with a file) from new senders, each acknowledged (%d "
                        + "acknowledgements queued), %s replies threaded into earlier requests%n",
                messages,
                seconds,
                messages / seconds,
                threads,
                outcome.get("processed"),
                outcome.get("created"),
                files,
                acknowledged,
                outcome.get("replied"));
        if (Boolean.getBoolean("benchmark.sql")) {
            System.out.println("BENCHMARK SQL per message:\n" + SqlCounter.report(messages));
        }
        assertThat(((Number) outcome.get("processed")).intValue()).isEqualTo(messages);
        assertThat(((Number) outcome.get("replied")).intValue()).isEqualTo(replies);
        assertThat(acknowledged).isEqualTo(messages - replies);
    }

    private int acknowledgements() {
        Integer n = jdbc.queryForObject(
                "select count(*) from mail_outbox where auto_submitted = 'auto-replied'", Integer.class);
        return n == null ? 0 : n;
    }

    /** A first mail from a new sender of the client's domain; every tenth carries a small PDF. */
    private static byte[] newRequest(String sender, String domain, String run, int i) {
        String head = "From: Клиент " + sender + " <" + sender + "@" + domain + ">\r\nTo: support@tidesk.local\r\n"
                + "Subject: =?UTF-8?B?" + base64("Не открывается страница оплаты " + i) + "?=\r\n"
                + "Message-ID: <" + sender + "-" + run + "@" + domain + ">\r\nDate: Wed, 25 Nov 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n";
        String text = "Добрый день!\r\n\r\nПосле обновления не открывается страница оплаты " + i
                + ", ошибка 500.\r\nПроверьте, пожалуйста.\r\n\r\n-- \r\nС уважением, " + sender + "\r\n";
        if (i % 10 != 0) {
            return (head + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text)
                    .getBytes(StandardCharsets.UTF_8);
        }
        byte[] pdf = new byte[12 * 1024];
        new java.util.Random(i).nextBytes(pdf);
        return (head + "Content-Type: multipart/mixed; boundary=\"b" + i + "\"\r\n\r\n--b" + i + "\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text
                        + "--b" + i + "\r\nContent-Type: application/pdf; name=\"=?UTF-8?B?"
                        + base64("Скриншот ошибки.pdf")
                        + "?=\"\r\nContent-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n--b" + i + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The same sender answers their earlier mail from their mail program, quoting it. */
    private static byte[] reply(String sender, String domain, String run, int i) {
        String original = "<" + sender + "-" + run + "@" + domain + ">";
        return ("From: Клиент " + sender + " <" + sender + "@" + domain + ">\r\nTo: support@tidesk.local\r\n"
                        + "Subject: Re: Не открывается страница оплаты\r\nMessage-ID: <reply-" + i + "-" + run + "@"
                        + domain
                        + ">\r\nIn-Reply-To: " + original + "\r\nReferences: " + original + "\r\nMIME-Version: 1.0\r\n"
                        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                        + "Всё ещё не работает, вот что видим сейчас (" + i + ").\r\n\r\n"
                        + "> После обновления не открывается страница оплаты\r\n> Проверьте, пожалуйста.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
