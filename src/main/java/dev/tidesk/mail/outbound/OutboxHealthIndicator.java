package dev.tidesk.mail.outbound;

import dev.tidesk.mail.MailMeters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox in readiness ({@code outbox}): OUT_OF_SERVICE when its oldest pending mail is older
 * than {@code tidesk.health.outbox-max-age} (clients are not being told; SMTP is down or missing).
 * Details: how many wait (capped) and since when. Two indexed queries.
 */
@Component
class OutboxHealthIndicator implements HealthIndicator {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration maxAge;

    OutboxHealthIndicator(
            JdbcTemplate jdbc, Clock clock, @Value("${tidesk.health.outbox-max-age:30m}") Duration maxAge) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    @Override
    public Health health() {
        Instant now = Instant.now(clock);
        int pending = MailMeters.pendingCapped(jdbc);
        Instant oldest = MailMeters.oldestPending(jdbc);
        Duration age = oldest == null || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        Health.Builder health = !maxAge.isZero() && !maxAge.isNegative() && age.compareTo(maxAge) > 0
                ? Health.outOfService()
                : Health.up();
        health.withDetail("pending", pending).withDetail("maxAge", maxAge.toString());
        if (oldest != null) {
            health.withDetail("oldestPendingAt", oldest.toString()).withDetail("oldestPendingAge", age.toString());
        }
        return health.build();
    }
}
