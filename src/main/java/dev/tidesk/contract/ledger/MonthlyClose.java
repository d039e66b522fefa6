package dev.tidesk.contract.ledger;

import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.alert.PlanAlerts;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.ContractRepository;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import dev.tidesk.worklog.WorkLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Freezes a month of every contract that ran in it: included and used as they are at the close.
 * Idempotent: a month already closed for a contract is left alone (a unique key on contract and
 * month, {@code on conflict do nothing}), so a second run, or a second node racing the first,
 * closes nothing twice. The job runs shortly after midnight every day in the installation's time
 * zone and closes the previous month: on the 1st that is the real close; on other days it only
 * catches up if the application was down on the 1st. ShedLock keeps it on one node at a time.
 * Each contract's month closed by a call is checked for overrun and trial alerts ({@link PlanAlerts})
 * and publishes {@link MonthClosed}, both in the closing transaction.
 */
@NamedInterface("ledger")
@Service
public class MonthlyClose {

    private static final Logger log = LoggerFactory.getLogger(MonthlyClose.class);

    private final ContractRepository contracts;
    private final Contracts contractApi;
    private final WorkLog workLog;
    private final JdbcTemplate jdbc;
    private final Installation installation;
    private final ApplicationEventPublisher events;
    private final PlanAlerts alerts;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate months;

    MonthlyClose(
            ContractRepository contracts,
            Contracts contractApi,
            WorkLog workLog,
            JdbcTemplate jdbc,
            Installation installation,
            ApplicationEventPublisher events,
            PlanAlerts alerts,
            Clock clock,
            org.springframework.transaction.PlatformTransactionManager transactions) {
        this.events = events;
        this.alerts = alerts;
        this.contracts = contracts;
        this.contractApi = contractApi;
        this.workLog = workLog;
        this.jdbc = jdbc;
        this.installation = installation;
        this.clock = clock;
        this.months = new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    @Scheduled(cron = "0 5 0 * * *", zone = "${tidesk.time-zone:Europe/Moscow}")
    @SchedulerLock(name = "contract-monthly-close", lockAtMostFor = "PT2M", lockAtLeastFor = "PT1M")
    @Transactional
    public void closePreviousMonth() {
        YearMonth previous = lastClosable();
        int closed = closeUpTo(previous);
        if (closed > 0) {
            log.info("Closed the months up to {}: {} contract months", previous, closed);
        }
    }

    /** The latest month that can be closed: the one before this month in the installation's zone. */
    public YearMonth lastClosable() {
        return YearMonth.from(LocalDate.now(clock.withZone(installation.timeZone())))
                .minusMonths(1);
    }

    /**
     * Closes, in order, every month from the first contract's start up to {@code last} that is not
     * closed yet for a contract running in it: a contract entered with a start months ago gets its
     * past months frozen, with their overrun and trial alerts, exactly as if the daily job had run
     * then. Each month commits on its own; a month closed before is left alone.
     *
     * @return how many contract months this call closed
     */
    public int closeUpTo(YearMonth last) {
        if (last.isAfter(lastClosable())) {
            throw new DomainException("contract.close.error.future", "Only past months can be closed: " + last);
        }
        java.sql.Date first = jdbc.queryForObject("select min(start_date) from contract", java.sql.Date.class);
        if (first == null) {
            return 0;
        }
        int closed = 0;
        for (YearMonth month = YearMonth.from(first.toLocalDate()); !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth m = month;
            closed += months.execute(s -> close(m));
        }
        return closed;
    }

    /**
     * Closes {@code month} for every contract running in it.
     *
     * @return how many contracts were closed by this call (0 when all were closed before)
     */
    @Transactional
    public int close(YearMonth month) {
        LocalDate today = LocalDate.now(clock.withZone(installation.timeZone()));
        if (!month.isBefore(YearMonth.from(today))) {
            throw new IllegalArgumentException("Only a past month can be closed: " + month);
        }
        List<Contract> running = contracts.findRunningBetween(month.atDay(1), month.atEndOfMonth());
        Map<PlanCode, PlanView> catalogue = contractApi.catalogue();
        Instant now = Instant.now(clock);
        int count = 0;
        for (Contract c : running) {
            LocalDate from = c.getStartDate().isAfter(month.atDay(1)) ? c.getStartDate() : month.atDay(1);
            LocalDate toExclusive = c.getEndDate() != null && c.getEndDate().isBefore(month.atEndOfMonth())
                    ? c.getEndDate().plusDays(1)
                    : month.plusMonths(1).atDay(1);
            int used = workLog.minutesByMonth(c.getOrganizationId(), from, toExclusive)
                    .getOrDefault(month, 0);
            int included = Ledger.included(
                    month,
                    c.getStartDate(),
                    c.getEndDate(),
                    c.termsIn(month).resolve(catalogue).includedMinutes());
            int inserted = jdbc.update("""
                    insert into ledger_month (contract_id, month, included_minutes, used_minutes, closed_at)
                    values (?, ?, ?, ?, ?) on conflict (contract_id, month) do nothing
                    """, c.getId(), month.atDay(1), included, used, Timestamp.from(now));
            if (inserted > 0) {
                alerts.evaluate(c, month);
                events.publishEvent(new MonthClosed(c.getId(), c.getOrganizationId(), month));
            }
            count += inserted;
        }
        return count;
    }
}
