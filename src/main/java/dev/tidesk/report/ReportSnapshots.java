package dev.tidesk.report;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reports by name, as the pages and their exports read them: each computed at most once per
 * {@code tidesk.report.max-age} (one minute by default) for one filter, so the XLSX of the page a
 * head is looking at, a reload or a colleague's look costs nothing. A report of six months reads
 * some 200,000 requests; their figures do not change from one second to the next, and the page
 * says as of when they are.
 */
@Service
public class ReportSnapshots {

    /** The reports, in tab order. */
    public static final List<String> KINDS = List.of(
            "volume",
            "volumeBySite",
            "staffActivity",
            "responseTimes",
            "normHours",
            "slaByPlan",
            "slaByAgent",
            "satisfactionByAgent",
            "satisfactionByClient",
            "satisfactionByPlan",
            "utilisation",
            "tags");

    /** How many filters' tables are kept at once. */
    static final int KEPT = 200;

    /**
     * Memory for one report's sorts and hashes: the median and 90th percentile of 200,000
     * response times sort about 5 MB, past PostgreSQL's default of 4 MB, and spilled to disk.
     */
    static final String WORK_MEM = "32MB";

    private final Reports reports;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ReportCache<Key, ReportSnapshot> cache;
    private final Clock clock;

    @Autowired
    ReportSnapshots(
            Reports reports,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${tidesk.report.max-age:PT1M}") Duration maxAge) {
        this(reports, jdbc, transactions, clock, maxAge, ReportCache.refresher("report-refresh"));
    }

    /** With the executor that computes old reports again while they are served (tests: the caller's thread). */
    ReportSnapshots(
            Reports reports,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            Duration maxAge,
            java.util.concurrent.Executor refresher) {
        this.reports = reports;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.cache = new ReportCache<>(clock, maxAge, KEPT, ReportSnapshot::at, refresher);
    }

    private record Key(String kind, ReportFilter filter) {}

    /** The report {@code kind} for the filter, as of at most {@code tidesk.report.max-age} ago. */
    public ReportSnapshot report(String kind, ReportFilter filter) {
        if (!KINDS.contains(kind)) {
            throw new dev.tidesk.shared.NotFoundException("No report " + kind);
        }
        return cache.get(
                new Key(kind, filter),
                () -> new ReportSnapshot(
                        readOnly.execute(s -> {
                            jdbc.execute("set local work_mem = '" + WORK_MEM + "'");
                            return compute(kind, filter);
                        }),
                        java.time.Instant.now(clock)));
    }

    private ReportTable compute(String kind, ReportFilter filter) {
        return switch (kind) {
            case "volume" -> reports.volume(filter);
            case "volumeBySite" -> reports.volumeBySite(filter);
            case "staffActivity" -> reports.staffActivity(filter);
            case "responseTimes" -> reports.responseTimes(filter);
            case "normHours" -> reports.normHours(filter);
            case "slaByPlan" -> reports.slaByPlan(filter);
            case "slaByAgent" -> reports.slaByAgent(filter);
            case "satisfactionByAgent" -> reports.satisfactionByAgent(filter);
            case "satisfactionByClient" -> reports.satisfactionByClient(filter);
            case "satisfactionByPlan" -> reports.satisfactionByPlan(filter);
            case "utilisation" -> reports.utilisation(filter);
            case "tags" -> reports.tags(filter);
            default -> throw new dev.tidesk.shared.NotFoundException("No report " + kind);
        };
    }
}
