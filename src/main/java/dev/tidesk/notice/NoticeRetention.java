package dev.tidesk.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the notices nobody will see again, every night: shared notices past the bell's horizon
 * ({@link Notices#SHARED_HORIZON}), with who read them ({@code notification_read}, by cascade), and
 * personal notices read more than {@link #READ_KEPT} ago or written more than {@link #KEPT} ago. A
 * notice still waiting for its e-mail digest ({@code to_mail}, cleared when the digest is sent) stays. In batches of {@link #BATCH}, each its own
 * statement, so a first run on a large table holds no long transaction.
 */
@Component
class NoticeRetention {

    private static final Logger log = LoggerFactory.getLogger(NoticeRetention.class);

    /** A personal notice read this long ago is gone from the bell's newest {@link Notices#PAGE} anyway. */
    static final Duration READ_KEPT = Duration.ofDays(90);

    /** Any personal notice, read or not, is kept this long. */
    static final Duration KEPT = Duration.ofDays(365);

    static final int BATCH = 10_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    NoticeRetention(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The nightly job. */
    @Scheduled(cron = "0 40 3 * * *", zone = "${tidesk.time-zone:Europe/Moscow}")
    @SchedulerLock(name = "notice-retention", lockAtMostFor = "PT10M", lockAtLeastFor = "PT1M")
    public void deleteOld() {
        long deleted = deleteOld(Instant.now(clock));
        if (deleted > 0) {
            log.info("Deleted {} notices nobody will see again", deleted);
        }
    }

    /** Deletes what is old at {@code now}; returns how many notices. */
    long deleteOld(Instant now) {
        Timestamp sharedBefore = Timestamp.from(now.minus(Notices.SHARED_HORIZON));
        Timestamp readBefore = Timestamp.from(now.minus(READ_KEPT));
        Timestamp writtenBefore = Timestamp.from(now.minus(KEPT));
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                    delete from notification where id in (
                      select id from notification
                       where (recipient_id is null and created_at < ?)
                          or (recipient_id is not null and not to_mail and (read_at < ? or created_at < ?))
                       limit ?)""", sharedBefore, readBefore, writtenBefore, BATCH);
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
