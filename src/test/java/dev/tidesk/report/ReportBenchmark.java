package dev.tidesk.report;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report pages on a million requests (three years), before and after the covering index, the
 * larger sort memory and the one-minute cache: the default six-month view of the volume and
 * response-time reports, read through their beans, with EXPLAIN (ANALYZE, BUFFERS) of their
 * statements as sent. Not part of the build: run with {@code ./mvnw -B verify -Dtest=None
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ReportBenchmark -Dtidesk.bench=true}; the
 * figures go to target/report-bench.txt.
 */
@Tag("integration")
@SpringBootTest
@Import(SqlRecorder.Config.class)
@EnabledIfSystemProperty(named = "tidesk.bench", matches = "true")
class ReportBenchmark {

    static final int RUNS = 15;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Reports reports;

    @Autowired
    ReportSnapshots snapshots;

    @Autowired
    ReportExports exports;

    @Autowired
    SqlRecorder sql;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    @Test
    void reportsOnAMillionRequests() throws Exception {
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into ticket (number, tid, subject, organization_id, organization_name, channel, urgency, urgency_rank,
                                    status, assignee_id, created_at, updated_at, first_response_at, resolved_at)
                select 80000000 + g, 'RB-' || g, 'Обращение ' || g, 1 + g % 1000, 'Клиент ' || (g % 1000),
                       (array['EMAIL','PHONE','PORTAL','API'])[1 + g % 4],
                       (array['CRITICAL','HIGH','NORMAL','LOW'])[1 + (g % 97) % 4], (g % 97) % 4,
                       case when g % 10 < 8 then 'CLOSED' when g % 10 = 8 then 'RESOLVED' else 'OPEN' end,
                       null, c, c,
                       case when g % 9 = 0 then null else c + make_interval(mins => (g * 37) % 3000) end,
                       case when g % 10 = 9 then null else c + make_interval(hours => (g * 11) % 200) end
                  from generate_series(1, 1000000) g,
                       lateral (select now() - make_interval(secs => g * 94.6) as c) t""");
        jdbc.execute("vacuum analyze ticket");
        StringBuilder out = new StringBuilder(
                "generated 1,000,000 requests over three years in " + (System.nanoTime() - t0) / 1_000_000 + " ms\n\n");
        LocalDate today = LocalDate.now(clock);
        ReportFilter sixMonths =
                new ReportFilter(today.minusMonths(5).withDayOfMonth(1), today, Grain.MONTH, null, null);
        out.append("filter: ").append(sixMonths).append("\n\n");

        // before: the index of V400, the default sort memory, every look computed
        jdbc.execute("drop index if exists ticket_created_report_idx");
        jdbc.execute(
                "create index if not exists ticket_created_idx on ticket (created_at) include (status, channel, first_response_at)");
        jdbc.execute("analyze ticket");
        out.append("## before (ticket_created_idx, work_mem 4MB, no cache)\n\n");
        explain(out, "volume", () -> reports.volume(sixMonths));
        explain(out, "responseTimes", () -> reports.responseTimes(sixMonths));
        measure(out, "volume page (query)", () -> reports.volume(sixMonths));
        measure(out, "responseTimes page (query)", () -> reports.responseTimes(sixMonths));
        measure(out, "volume XLSX (query again + workbook)", () -> xlsx(reports.volume(sixMonths)));

        // after: the covering index of V448, 32 MB for the report's sorts, a table kept for a minute
        jdbc.execute("drop index ticket_created_idx");
        jdbc.execute("""
                create index ticket_created_report_idx on ticket (created_at)
                  include (status, channel, urgency, first_response_at, resolved_at, organization_id, assignee_id, site_id)""");
        jdbc.execute("vacuum analyze ticket");
        out.append("\n## after (ticket_created_report_idx, work_mem 32MB)\n\n");
        explainInTransaction(out, "volume", () -> reports.volume(sixMonths));
        explainInTransaction(out, "responseTimes", () -> reports.responseTimes(sixMonths));
        ReportSnapshots computeEveryTime = new ReportSnapshots(
                reports,
                jdbc,
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                clock,
                java.time.Duration.ZERO);
        measure(
                out,
                "volume page, computed",
                () -> computeEveryTime.report("volume", sixMonths).table());
        measure(
                out,
                "responseTimes page, computed",
                () -> computeEveryTime.report("responseTimes", sixMonths).table());
        ReportSnapshots kept = new ReportSnapshots(
                reports,
                jdbc,
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                clock,
                java.time.Duration.ofMinutes(1));
        kept.report("volume", sixMonths);
        measure(
                out,
                "volume page, kept (within the minute)",
                () -> kept.report("volume", sixMonths).table());
        measure(
                out,
                "volume XLSX, kept table + workbook",
                () -> xlsx(kept.report("volume", sixMonths).table()));
        measure(
                out,
                "volume XLSX, computed + workbook",
                () -> xlsx(computeEveryTime.report("volume", sixMonths).table()));
        Path file = Path.of("target/report-bench.txt");
        Files.writeString(file, out);
        System.out.println(out);
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private ReportTable xlsx(ReportTable table) {
        exports.xlsx(table, "Обращения", c -> c.key(), (c, v) -> String.valueOf(v));
        return table;
    }

    private void explain(StringBuilder out, String name, Supplier<ReportTable> report) throws Exception {
        sql.start();
        report.get();
        List<SqlRecorder.Recorded> sent = sql.stop();
        try (Connection c = dataSource.getConnection()) {
            for (SqlRecorder.Recorded r : sent) {
                if (r.isSelect()) {
                    out.append("### ")
                            .append(name)
                            .append("\n```\n")
                            .append(r.explain(c, "analyze, buffers, costs off"))
                            .append("```\n");
                }
            }
        }
    }

    private void explainInTransaction(StringBuilder out, String name, Supplier<ReportTable> report) throws Exception {
        sql.start();
        report.get();
        List<SqlRecorder.Recorded> sent = sql.stop();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local work_mem = '32MB'");
            }
            for (SqlRecorder.Recorded r : sent) {
                if (r.isSelect()) {
                    out.append("### ")
                            .append(name)
                            .append("\n```\n")
                            .append(r.explain(c, "analyze, buffers, costs off"))
                            .append("```\n");
                }
            }
            c.rollback();
        }
    }

    private static void measure(StringBuilder out, String name, Supplier<ReportTable> call) {
        for (int i = 0; i < 3; i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        out.append(String.format(
                "| %s | p50 %.1f ms | max %.1f ms |%n", name, ms.get(ms.size() / 2), ms.get(ms.size() - 1)));
    }
}
