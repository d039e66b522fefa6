package dev.tidesk.contract.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.worklog.WorkLog;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How long the ledger of every client takes: 1,000 organizations with contracts running for 36
 * months and about 2,000,000 norm-hour entries. Not a timed assertion; it prints the figures.
 * Run with {@code ./mvnw -B test -Dtest=LedgerBenchmark -Dbenchmark=true} (its own database).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(properties = "tidesk.benchmark.context=ledger")
class LedgerBenchmark {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledgers ledgers;

    @Autowired
    WorkLog workLog;

    @Test
    void ledgerOfAThousandClientsOver36Months() {
        LocalDate start = YearMonth.from(workLog.today()).minusMonths(35).atDay(1);
        long t0 = System.nanoTime();
        jdbc.update("insert into organization (name) select 'Bench ' || g from generate_series(1, 1000) g");
        jdbc.update("""
                insert into contract (organization_id, number, start_date, created_at)
                select id, 'B-' || id, ?, now() from organization where name like 'Bench %'
                """, start);
        jdbc.update("""
                insert into contract_terms (contract_id, effective_from, plan_code, changed_at, changed_by)
                select id, start_date, (array['ECONOMY','STANDARD','PREMIUM'])[1 + id % 3], now(), 'bench' from contract
                """);
        jdbc.update("""
                insert into work_entry (ticket_id, organization_id, staff_id, staff_name, day, minutes, kind, created_at, updated_at)
                select 1, c.organization_id, 1 + (m * 55 + e) % 40, 'bench', ?::date + m * interval '1 month' + (e % 28) * interval '1 day',
                       15 + (e * 7 + c.id) % 50, 'WORK', now(), now()
                  from contract c, generate_series(0, 35) m, generate_series(1, 55) e
                 where ?::date + m * interval '1 month' + (e % 28) * interval '1 day' <= ?::date
                """, start, start, workLog.today());
        jdbc.update("""
                insert into work_month (organization_id, month, minutes)
                select organization_id, date_trunc('month', day)::date, sum(minutes) from work_entry
                 where organization_id in (select id from organization where name like 'Bench %') group by 1, 2
                """);
        jdbc.execute("analyze work_entry");
        jdbc.execute("analyze work_month");
        long entries = jdbc.queryForObject("select count(*) from work_entry", Long.class);
        System.out.printf("BENCH generated %d entries in %d ms%n", entries, (System.nanoTime() - t0) / 1_000_000);

        List<Long> times = new ArrayList<>();
        int clients = 0;
        for (int i = 0; i < 7; i++) {
            long s = System.nanoTime();
            clients = ledgers.utilisation().size();
            times.add((System.nanoTime() - s) / 1_000_000);
        }
        Collections.sort(times);
        long q = System.nanoTime();
        workLog.minutesByOrganizationAndMonth(YearMonth.from(start), YearMonth.from(workLog.today()));
        System.out.printf("BENCH of which the sum query: %d ms%n", (System.nanoTime() - q) / 1_000_000);
        System.out.printf(
                "BENCH ledger of %d clients x 36 months: min %d ms, median %d ms, max %d ms%n",
                clients, times.get(0), times.get(3), times.get(6));
        assertThat(clients).isGreaterThanOrEqualTo(1000);
    }
}
