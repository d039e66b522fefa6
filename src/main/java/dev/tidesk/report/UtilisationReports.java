package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.first;
import static dev.tidesk.report.ReportSql.hours;

import dev.tidesk.contract.ledger.ClientLedger;
import dev.tidesk.contract.ledger.ClientUtilisation;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.shared.Installation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Client utilisation (R8, R9) from the contract module's ledger, and the clients over their plan.
 *
 * <p>Reads the contract module's API ({@link Ledgers}) and the worklog module's view {@code worklog_entry_v} for the hours of test-copy synchronisation.
 */
@Component
class UtilisationReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;
    private final Ledgers ledgers;

    UtilisationReports(NamedParameterJdbcTemplate jdbc, Installation installation, Ledgers ledgers) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
        this.ledgers = ledgers;
    }

    /**
     * Client utilisation (R8, R9) from the contract ledger. For one client: each month of the
     * period with included and used norm-hours and the balances. For all clients: the period's
     * totals per client, the heaviest users first. Of the used hours, those spent synchronising the
     * test copy ({@code TEST_COPY_SYNC}) are shown apart, with the rest: what "all work on the test
     * copy first" costs.
     */
    ReportTable utilisation(ReportFilter f) {
        YearMonth from = YearMonth.from(f.from());
        YearMonth to = YearMonth.from(f.to());
        if (f.organizationId() != null) {
            ClientLedger ledger = ledgers.ledgerOf(f.organizationId());
            LocalDate start =
                    ledger.contract() == null ? null : ledger.contract().startDate();
            Map<YearMonth, Integer> ofClient = start == null
                    ? Map.of()
                    : syncMinutes(from, to, f.organizationId(), start).getOrDefault(f.organizationId(), Map.of());
            List<List<Object>> rows = new ArrayList<>();
            for (LedgerMonth m : ledger.months()) {
                if (!m.month().isBefore(from)
                        && !m.month().isAfter(to)
                        && (f.planCode() == null || m.planCode().name().equals(f.planCode()))) {
                    int s = ofClient.getOrDefault(m.month(), 0);
                    rows.add(Arrays.asList(
                            m.month().atDay(1),
                            m.planCode().name(),
                            hours(m.includedMinutes()),
                            hours(m.usedMinutes()),
                            hours(s),
                            hours(m.usedMinutes() - s),
                            hours(m.balanceMinutes()),
                            hours(m.runningMinutes()),
                            m.utilisationPercent() == null
                                    ? null
                                    : m.utilisationPercent().doubleValue()));
                }
            }
            return new ReportTable("utilisation", columns(Column.period()), rows);
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<Long, Map<YearMonth, Integer>> sync = syncMinutes(from, to, null);
        for (ClientLedger ledger : ledgers.runningLedgers()) {
            int included = 0;
            int used = 0;
            int synced = 0;
            LedgerMonth last = null;
            Map<YearMonth, Integer> ofClient = sync.getOrDefault(ledger.organizationId(), Map.of());
            YearMonth start = ledger.contract() == null
                    ? null
                    : YearMonth.from(ledger.contract().startDate());
            for (LedgerMonth m : ledger.months()) {
                if (!m.month().isBefore(from) && !m.month().isAfter(to)) {
                    included += m.includedMinutes();
                    used += m.usedMinutes();
                    // a first month that began mid-month: only the days of the contract, as the ledger counts them
                    synced += m.month().equals(start)
                                    && ledger.contract().startDate().getDayOfMonth() > 1
                            ? syncMinutes(
                                            m.month(),
                                            m.month(),
                                            ledger.organizationId(),
                                            ledger.contract().startDate())
                                    .getOrDefault(ledger.organizationId(), Map.of())
                                    .getOrDefault(m.month(), 0)
                            : ofClient.getOrDefault(m.month(), 0);
                    last = m;
                }
            }
            if (last == null || (f.planCode() != null && !last.planCode().name().equals(f.planCode()))) {
                continue;
            }
            rows.add(Arrays.asList(
                    ledger.organizationName(),
                    last.planCode().name(),
                    hours(included),
                    hours(used),
                    hours(synced),
                    hours(used - synced),
                    hours(included - used),
                    hours(last.runningMinutes()),
                    included == 0 ? null : Math.round(1000.0 * used / included) / 10.0));
        }
        rows.sort(Comparator.comparing((List<Object> r) -> r.get(8) == null ? -1.0 : (Double) r.get(8))
                .reversed());
        return new ReportTable("utilisation", columns(Column.text("organization")), rows);
    }

    /** The report's columns: the first names the row (a month for one client, a client for all), then the plan and its hours. */
    private static List<Column> columns(Column first) {
        return List.of(
                first,
                Column.code("plan", "contract.plan."),
                Column.hours("included"),
                Column.hours("used"),
                Column.hours("testCopySync"),
                Column.hours("otherWork"),
                Column.hours("balance"),
                Column.hours("running"),
                Column.percent("utilisation"));
    }

    private Map<Long, Map<YearMonth, Integer>> syncMinutes(YearMonth from, YearMonth to, Long organizationId) {
        return syncMinutes(from, to, organizationId, null);
    }

    /**
     * Minutes logged as test-copy synchronisation per client and month, from {@code from} to {@code to};
     * for one client when {@code organizationId} is set, from the day {@code since} when set.
     */
    private Map<Long, Map<YearMonth, Integer>> syncMinutes(
            YearMonth from, YearMonth to, Long organizationId, LocalDate since) {
        Map<Long, Map<YearMonth, Integer>> out = new java.util.HashMap<>();
        LocalDate first = since != null && since.isAfter(from.atDay(1)) ? since : from.atDay(1);
        jdbc.query(
                """
                select organization_id, cast(date_trunc('month', day) as date), sum(minutes) from worklog_entry_v
                 where kind = 'TEST_COPY_SYNC' and day >= :from and day < :to
                   and (cast(:org as bigint) is null or organization_id = :org)
                 group by 1, 2""",
                new MapSqlParameterSource("from", first)
                        .addValue("to", to.plusMonths(1).atDay(1))
                        .addValue("org", organizationId, java.sql.Types.BIGINT),
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                            .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3));
                });
        return out;
    }

    /** Clients over their plan this month or overrunning it in the closed months, with the plan the rule recommends. */
    ReportTable overPlan() {
        List<List<Object>> rows = new ArrayList<>();
        for (ClientUtilisation u : ledgers.utilisation()) {
            LedgerMonth m = u.month();
            if (m.over() || u.overrun()) {
                rows.add(Arrays.asList(
                        u.organizationName(),
                        u.planCode().name(),
                        hours(m.includedMinutes()),
                        hours(m.usedMinutes()),
                        m.utilisationPercent() == null
                                ? null
                                : m.utilisationPercent().doubleValue(),
                        u.overrun() && u.recommendation() != null
                                ? u.recommendation().name()
                                : null));
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> r.get(4) == null ? 0.0 : (Double) r.get(4))
                .reversed());
        return new ReportTable(
                "overPlan",
                List.of(
                        Column.text("organization"),
                        Column.code("plan", "contract.plan."),
                        Column.hours("included"),
                        Column.hours("used"),
                        Column.percent("utilisation"),
                        Column.code("recommended", "contract.plan.")),
                rows);
    }

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
