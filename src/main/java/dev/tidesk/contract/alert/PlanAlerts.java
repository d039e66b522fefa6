package dev.tidesk.contract.alert;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.ledger.ClosedMonthRepository;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.ContractRepository;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.worklog.WorkLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Overrun (R9) and trial review (R11) alerts that stay until someone acknowledges them. The
 * monthly close asks {@link #evaluate} for every month it closes; the rules are those of
 * {@link Recommendations}, applied to the closed months up to that one. An overrun is raised
 * again only after the previous one was acknowledged; a trial review once per contract. The
 * table's key (contract, month, kind) keeps a repeated close from raising anything twice.
 * Each new alert publishes {@link PlanAlertRaised}.
 */
@NamedInterface("alert")
@Service
@Transactional(readOnly = true)
public class PlanAlerts {

    private final StoredAlertRepository alerts;
    private final ContractRepository contracts;
    private final ClosedMonthRepository closed;
    private final Contracts contractApi;
    private final Recommendations recommendations;
    private final WorkLog workLog;
    private final Customers customers;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final dev.tidesk.shared.Installation installation;

    PlanAlerts(
            StoredAlertRepository alerts,
            ContractRepository contracts,
            ClosedMonthRepository closed,
            Contracts contractApi,
            Recommendations recommendations,
            WorkLog workLog,
            Customers customers,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            dev.tidesk.shared.Installation installation) {
        this.installation = installation;
        this.alerts = alerts;
        this.contracts = contracts;
        this.closed = closed;
        this.contractApi = contractApi;
        this.recommendations = recommendations;
        this.workLog = workLog;
        this.customers = customers;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Open alerts, newest first: all of them for {@code personalManagerId} null (heads), else that manager's clients'. */
    public List<StoredAlertView> open(Long personalManagerId) {
        return views(personalManagerId == null ? alerts.findOpen() : alerts.findOpenOfManager(personalManagerId));
    }

    /** The 20 latest acknowledged alerts, with who and when. */
    public List<StoredAlertView> recentlyAcknowledged(Long personalManagerId) {
        return views(
                personalManagerId == null
                        ? alerts.findRecentlyAcknowledged()
                        : alerts.findRecentlyAcknowledgedOfManager(personalManagerId));
    }

    /**
     * Records that {@code staffId} has seen the alert. A head may acknowledge any alert, anyone
     * else only those of clients they are the personal manager of (others are "not found").
     */
    @Transactional
    public StoredAlertView acknowledge(long alertId, Long staffId, String staffName, boolean head) {
        StoredAlert alert = alerts.findById(alertId).orElseThrow(() -> new NotFoundException("No alert " + alertId));
        Long manager = contracts
                .findById(alert.getContractId())
                .map(Contract::getPersonalManagerId)
                .orElse(null);
        if (!head && (manager == null || staffId == null || !manager.equals(staffId))) {
            throw new NotFoundException("No alert " + alertId);
        }
        alert.acknowledge(staffId, staffName, Instant.now(clock));
        return alert.view(customers.organization(alert.getOrganizationId()).name(), manager);
    }

    /** Applies the rules to the contract's closed months up to {@code month}, which the close has just frozen. */
    @Transactional
    public void evaluate(Contract contract, YearMonth month) {
        Map<PlanCode, PlanView> catalogue = contractApi.catalogue();
        LocalDate dayAfter = month.plusMonths(1).atDay(1);
        LocalDate to = contract.getEndDate() != null && contract.getEndDate().isBefore(dayAfter)
                ? contract.getEndDate().plusDays(1)
                : dayAfter;
        Map<YearMonth, Integer> used =
                workLog.minutesByMonth(contract.getOrganizationId(), contract.getStartDate(), to);
        List<LedgerMonth> months = Ledgers.months(
                        contract, month.atEndOfMonth(), catalogue, used, closed.findByContract(contract.getId()))
                .stream()
                .filter(m -> !m.month().isAfter(month))
                .toList();
        if (months.isEmpty()) {
            return;
        }
        PlanCode plan = months.get(months.size() - 1).planCode();
        int average = recommendations.averageUsed(months);
        PlanCode recommended = recommendations.recommend(months, catalogue);
        if (recommendations.overrun(months) && !alerts.existsOpen(contract.getId(), PlanAlert.Kind.OVERRUN)) {
            raise(contract, month, PlanAlert.Kind.OVERRUN, plan, average, recommended, 0);
        }
        ContractView view = contract.view(catalogue, month.atEndOfMonth());
        // the trial review is about the present: a catch-up close of older months raises it once, for the
        // latest month, with the contract's real age (not the configured three months)
        YearMonth latest = YearMonth.from(LocalDate.now(clock.withZone(installation.timeZone())))
                .minusMonths(1);
        if (!month.isBefore(latest)
                && plan == PlanCode.ECONOMY
                && recommendations.trialReviewDue(view, dayAfter)
                && !alerts.existsAny(contract.getId(), PlanAlert.Kind.TRIAL)) {
            int age = (int) java.time.temporal.ChronoUnit.MONTHS.between(contract.getStartDate(), dayAfter);
            raise(contract, month, PlanAlert.Kind.TRIAL, plan, average, recommended, age);
        }
    }

    private void raise(
            Contract c,
            YearMonth month,
            PlanAlert.Kind kind,
            PlanCode plan,
            int average,
            PlanCode recommended,
            int trialMonths) {
        List<Long> ids = jdbc.queryForList(
                """
                insert into plan_alert (contract_id, organization_id, month, kind, plan_code, average_minutes,
                    recommendation, trial_months, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (contract_id, month, kind) do nothing
                returning id
                """,
                Long.class,
                c.getId(),
                c.getOrganizationId(),
                month.atDay(1),
                kind.name(),
                plan == null ? null : plan.name(),
                average,
                recommended == null ? null : recommended.name(),
                trialMonths,
                Timestamp.from(Instant.now(clock)));
        if (!ids.isEmpty()) {
            events.publishEvent(new PlanAlertRaised(
                    ids.get(0),
                    kind,
                    c.getId(),
                    c.getOrganizationId(),
                    c.getPersonalManagerId(),
                    month,
                    plan,
                    average,
                    recommended,
                    trialMonths));
        }
    }

    private List<StoredAlertView> views(List<Object[]> rows) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream()
                .map(r -> {
                    StoredAlert a = (StoredAlert) r[0];
                    String name = names.computeIfAbsent(
                            a.getOrganizationId(),
                            id -> customers.organization(id).name());
                    return a.view(name, (Long) r[1]);
                })
                .toList();
    }
}
