package dev.tidesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestClock;
import dev.tidesk.WebTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The period reports read through their covering index, with more memory for their sorts, and kept
 * for a minute give the same figures as before: computed both ways on 3,000 generated requests of
 * 2003 (no other test writes there), and against a count made in Java from the rows themselves.
 */
class ReportSnapshotsTests extends WebTest {

    static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    static final ReportFilter YEAR_2003 =
            new ReportFilter(LocalDate.of(2003, 1, 1), LocalDate.of(2003, 12, 31), Grain.MONTH, null, null);

    @Autowired
    Reports reports;

    @Autowired
    ReportSnapshots snapshots;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TestClock clock;

    @BeforeEach
    void requestsOf2003() {
        if (jdbc.queryForObject("select count(*) from ticket where tid like 'RSN-%'", Long.class) > 0) {
            return;
        }
        jdbc.update("""
                insert into ticket (number, tid, subject, organization_id, organization_name, channel, urgency, urgency_rank,
                                    status, created_at, updated_at, first_response_at, resolved_at)
                select 71000000 + g, 'RSN-' || g, 'Отчёт ' || g, null, 'Клиент ' || (g % 7),
                       (array['EMAIL','PHONE','PORTAL','API'])[1 + g % 4],
                       (array['CRITICAL','HIGH','NORMAL','LOW'])[1 + (g % 13) % 4], (g % 13) % 4,
                       case when g % 5 = 0 then 'OPEN' else 'CLOSED' end,
                       c, c,
                       case when g % 9 = 0 then null else c + make_interval(mins => (g * 37) % 3000) end,
                       case when g % 5 = 0 then null else c + make_interval(hours => (g * 11) % 200) end
                  from generate_series(1, 3000) g,
                       lateral (select timestamptz '2003-01-01 00:00+03' + make_interval(mins => g * 175) as c) t""");
        jdbc.execute("analyze ticket");
    }

    @Test
    void thePeriodReportsGiveTheSameFiguresThroughTheIndexAsReadingEveryRow() {
        for (String kind : List.of("volume", "responseTimes", "volumeBySite")) {
            ReportTable fast = snapshots.report(kind, YEAR_2003).table();
            ReportTable slow = withoutIndexes(kind);
            assertThat(fast.rows()).as(kind).isEqualTo(slow.rows());
        }
    }

    @Test
    void volumeCountsWhatTheRowsSay() {
        Map<LocalDate, long[]> expected = new TreeMap<>();
        List<String> channels = Reports.CHANNELS;
        List<String> urgencies = Reports.URGENCIES;
        jdbc.query(
                "select created_at, channel, urgency from ticket where tid like 'RSN-%'",
                rs -> {
                    LocalDate month = rs.getTimestamp(1)
                            .toInstant()
                            .atZone(MOSCOW)
                            .toLocalDate()
                            .withDayOfMonth(1);
                    long[] c = expected.computeIfAbsent(month, m -> new long[9]);
                    c[0]++;
                    c[1 + channels.indexOf(rs.getString(2))]++;
                    c[5 + urgencies.indexOf(rs.getString(3))]++;
                });
        List<List<Object>> rows = new ArrayList<>();
        expected.forEach((month, c) -> {
            List<Object> row = new ArrayList<>(List.of(month));
            Arrays.stream(c).forEach(row::add);
            rows.add(row);
        });
        assertThat(expected).hasSize(12);
        assertThat(snapshots.report("volume", YEAR_2003).table().rows()).isEqualTo(rows);
    }

    @Test
    void aKeptReportSaysAsOfWhenAndShowsANewRequestOnceComputedAgainAfterItsMinute() {
        List<Runnable> refreshes = new java.util.ArrayList<>();
        ReportSnapshots kept =
                new ReportSnapshots(reports, jdbc, transactions, clock, Duration.ofMinutes(1), refreshes::add);
        ReportFilter march =
                new ReportFilter(LocalDate.of(2003, 3, 1), LocalDate.of(2003, 3, 31), Grain.MONTH, null, null);
        ReportSnapshot first = kept.report("volume", march);
        long before = (Long) first.table().rows().get(0).get(1);
        jdbc.update("""
                insert into ticket (number, tid, subject, organization_name, channel, urgency, urgency_rank, status,
                                    created_at, updated_at)
                values (71999999, 'RSN-NEW', 'Новое', 'Клиент', 'API', 'LOW', 3, 'NEW', ?, ?)""", Timestamp.valueOf("2003-03-10 12:00:00"), Timestamp.valueOf("2003-03-10 12:00:00"));
        try {
            clock.advance(Duration.ofSeconds(30));
            ReportSnapshot again = kept.report("volume", march);
            assertThat(again.at()).isEqualTo(first.at());
            assertThat(again.table().rows().get(0).get(1)).isEqualTo(before);

            // past its minute: still shown as of its time while it is computed again
            clock.advance(Duration.ofSeconds(31));
            assertThat(kept.report("volume", march).at()).isEqualTo(first.at());
            assertThat(refreshes).hasSize(1);
            refreshes.get(0).run();
            ReportSnapshot fresh = kept.report("volume", march);
            assertThat(fresh.at()).isAfter(first.at());
            assertThat(fresh.table().rows().get(0).get(1)).isEqualTo(before + 1);
        } finally {
            jdbc.update("delete from ticket where tid = 'RSN-NEW'");
        }
    }

    /** The report as PostgreSQL gives it reading the table itself, with no index and its default memory. */
    private ReportTable withoutIndexes(String kind) {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        return tx.execute(s -> {
            jdbc.execute("set local enable_indexscan = off");
            jdbc.execute("set local enable_indexonlyscan = off");
            jdbc.execute("set local enable_bitmapscan = off");
            jdbc.execute("set local work_mem = '64kB'");
            return switch (kind) {
                case "volume" -> reports.volume(YEAR_2003);
                case "responseTimes" -> reports.responseTimes(YEAR_2003);
                default -> reports.volumeBySite(YEAR_2003);
            };
        });
    }
}
