package dev.tidesk.mail;

import dev.tidesk.mail.inbound.MailboxesHealthIndicator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The mail module's meters: mail sent and failed for good, inbound mail received, processed and
 * quarantined (counted after their transaction committed), and two gauges that PostgreSQL answers
 * when Prometheus scrapes (never more often): the pending outbox (a capped count on the pending
 * index) and the poll lag of the most behind enabled mailbox.
 */
@Component
public class MailMeters {

    /** Counts above this are reported as this: the gauge stays one short index scan. */
    static final int PENDING_CAP = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Counter sent;
    private final Counter failed;
    private final Counter received;
    private final Counter processed;
    private final Counter quarantined;

    MailMeters(MeterRegistry registry, JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sent = Counter.builder("tidesk.mail.sent")
                .description("Mails the SMTP server accepted")
                .register(registry);
        this.failed = Counter.builder("tidesk.mail.failed")
                .description("Mails given up (refused for good or out of attempts)")
                .register(registry);
        this.received = Counter.builder("tidesk.mail.inbound.received")
                .description("Inbound messages stored (each message once, however often it arrives)")
                .register(registry);
        this.processed = Counter.builder("tidesk.mail.inbound.processed")
                .description("Inbound messages processed (into a request, a reply, or ignored as automatic)")
                .register(registry);
        this.quarantined = Counter.builder("tidesk.mail.inbound.quarantined")
                .description("Inbound messages put into quarantine")
                .register(registry);
        Gauge.builder("tidesk.mail.outbox.pending", this, MailMeters::pending)
                .description("Mails waiting in the outbox (capped at " + PENDING_CAP + ")")
                .strongReference(true)
                .register(registry);
        Gauge.builder("tidesk.mail.inbound.poll.lag", this, MailMeters::pollLagSeconds)
                .description("Seconds since the most behind enabled mailbox was last polled, beyond its interval")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
    }

    public void sent() {
        sent.increment();
    }

    public void failed() {
        failed.increment();
    }

    void received() {
        received.increment();
    }

    void processed() {
        processed.increment();
    }

    void quarantined() {
        quarantined.increment();
    }

    double pending() {
        return pendingCapped(jdbc);
    }

    double pollLagSeconds() {
        Instant now = Instant.now(clock);
        return MailboxesHealthIndicator.lags(jdbc, now).stream()
                .mapToLong(Duration::toSeconds)
                .max()
                .orElse(0);
    }

    /** Pending mails, counted up to {@link #PENDING_CAP}. */
    public static int pendingCapped(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject(
                "select count(*) from (select 1 from mail_outbox where status = 'PENDING' limit ?) p",
                Integer.class,
                PENDING_CAP);
        return count == null ? 0 : count;
    }

    /** When the oldest pending mail was written, or null when nothing waits. */
    public static Instant oldestPending(JdbcTemplate jdbc) {
        Timestamp oldest = jdbc.queryForObject(
                "select min(created_at) from mail_outbox where status = 'PENDING'", Timestamp.class);
        return oldest == null ? null : oldest.toInstant();
    }
}
