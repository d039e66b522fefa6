package dev.tidesk.mail.inbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The IMAP mailboxes in readiness ({@code mailboxes}): OUT_OF_SERVICE when an enabled mailbox has
 * not been polled for longer than its interval plus {@code tidesk.health.mailbox-max-lag} (the
 * poller stopped). A mailbox's last error (a wrong password, an unreachable server) is a detail:
 * another server's trouble is no reason to take this node out of the load balancer.
 */
@Component
public class MailboxesHealthIndicator implements HealthIndicator {

    private static final String ENABLED =
            "select name, poll_seconds, coalesce(last_poll_at, created_at), last_error from mail_mailbox"
                    + " where enabled order by lower(name)";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration maxLag;

    MailboxesHealthIndicator(
            JdbcTemplate jdbc, Clock clock, @Value("${tidesk.health.mailbox-max-lag:10m}") Duration maxLag) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        Instant now = Instant.now(clock);
        boolean behind = false;
        Map<String, Object> boxes = new LinkedHashMap<>();
        for (Box box : boxes(jdbc)) {
            Duration lag = box.lag(now);
            boolean late = !maxLag.isZero() && !maxLag.isNegative() && lag.compareTo(maxLag) > 0;
            behind |= late;
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lastPollAt", box.lastPoll().toString());
            detail.put("lag", lag.toString());
            detail.put("late", late);
            if (box.lastError() != null) {
                detail.put("lastError", box.lastError());
            }
            boxes.put(box.name(), detail);
        }
        return (behind ? Health.outOfService() : Health.up())
                .withDetail("maxLag", maxLag.toString())
                .withDetail("mailboxes", boxes)
                .build();
    }

    record Box(String name, int pollSeconds, Instant lastPoll, String lastError) {
        /** How long past its next poll the mailbox is (zero when on time). */
        Duration lag(Instant now) {
            Duration since = Duration.between(lastPoll, now).minusSeconds(pollSeconds);
            return since.isNegative() ? Duration.ZERO : since;
        }
    }

    static List<Box> boxes(JdbcTemplate jdbc) {
        return new ArrayList<>(jdbc.query(
                ENABLED,
                (rs, i) -> new Box(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getObject(3, Timestamp.class).toInstant(),
                        rs.getString(4))));
    }

    public static List<Duration> lags(JdbcTemplate jdbc, Instant now) {
        return boxes(jdbc).stream().map(b -> b.lag(now)).toList();
    }
}
