package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A burst of 1,000 messages, each delivered twice by racing threads (as a mail server that
 * retries, or two pollers, would): 1,000 messages stored, 1,000 requests, none twice.
 */
class InboundBurstTests extends MailTest {

    static final int MESSAGES = 1000;

    @Autowired
    MailIntake intake;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBurstDeliveredTwiceEndsAsExactlyOneRequestPerMessage() throws Exception {
        Client client = data.client();
        String run = "Burst-" + System.nanoTime();
        List<byte[]> deliveries = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            byte[] raw = ("From: Анна <" + client.login() + ">\r\nTo: support@tidesk.local\r\nSubject: " + run + "-" + i
                            + "\r\nMessage-ID: <" + run + "-" + i + "@client.example>\r\n"
                            + "Content-Type: text/plain; charset=utf-8\r\n\r\nНе открывается страница " + i + "\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            deliveries.add(raw);
            deliveries.add(raw.clone());
        }
        Collections.shuffle(deliveries, new Random(7));

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (byte[] raw : deliveries) {
            done.add(pool.submit(() -> {
                try {
                    intake.receive("burst", raw);
                } catch (RuntimeException refused) {
                    // a delivery that loses the race may be refused; a real sender would retry it
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();

        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_inbound where source = 'burst' and subject like ?",
                        Integer.class,
                        run + "-%"))
                .isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject("select count(*) from ticket where subject like ?", Integer.class, run + "-%"))
                .isEqualTo(MESSAGES);
        assertThat(jdbc.queryForObject(
                        "select count(distinct subject) from ticket where subject like ?", Integer.class, run + "-%"))
                .isEqualTo(MESSAGES);
    }
}
