package dev.tidesk.contract.ledger;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.Recommendations;
import dev.tidesk.contract.TermsPeriodView;
import dev.tidesk.contract.alert.PlanAlert;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.ContractRepository;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.OrganizationView;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkEntryView;
import dev.tidesk.worklog.WorkLog;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the norm-hour ledger: one client's months, all clients' current month, a monthly
 * statement. Hours are statistics: nothing here blocks work. The maths is in {@link Ledger}.
 */
@NamedInterface("ledger")
@Service
@Transactional(readOnly = true)
public class Ledgers {

    private final Contracts contracts;
    private final ContractRepository contractRepository;
    private final ClosedMonthRepository closed;
    private final WorkLog workLog;
    private final Customers customers;
    private final RequestQueries requests;
    private final Recommendations recommendations;

    Ledgers(
            Contracts contracts,
            ContractRepository contractRepository,
            ClosedMonthRepository closed,
            WorkLog workLog,
            Customers customers,
            RequestQueries requests,
            Recommendations recommendations) {
        this.contracts = contracts;
        this.contractRepository = contractRepository;
        this.closed = closed;
        this.workLog = workLog;
        this.customers = customers;
        this.requests = requests;
        this.recommendations = recommendations;
    }

    /** The ledger of the organization's current (or latest) contract, up to this month or its end. */
    public ClientLedger ledgerOf(long organizationId) {
        OrganizationView org = customers.organization(organizationId);
        var latest = contractRepository.findByOrganization(organizationId);
        LocalDate today = contracts.today();
        Contract contract = latest.stream()
                .filter(c -> c.activeOn(today))
                .findFirst()
                .orElse(latest.isEmpty() ? null : latest.get(0));
        if (contract == null) {
            return new ClientLedger(organizationId, org.name(), null, List.of());
        }
        Map<PlanCode, PlanView> catalogue = contracts.catalogue();
        LocalDate endExclusive = lastDay(contract, today).plusDays(1);
        Map<YearMonth, Integer> used = workLog.minutesByMonth(organizationId, contract.getStartDate(), endExclusive);
        List<LedgerMonth> months = months(contract, today, catalogue, used, closed.findByContract(contract.getId()));
        return new ClientLedger(organizationId, org.name(), contract.view(catalogue, today), months);
    }

    /** One month of the client's ledger, or null when the contract did not run that month. */
    public LedgerMonth monthOf(long organizationId, YearMonth month) {
        return ledgerOf(organizationId).months().stream()
                .filter(m -> m.month().equals(month))
                .findFirst()
                .orElse(null);
    }

    /**
     * The plan in force today and the norm-hours left this month (in the installation's time zone),
     * for the values of a reply to the client; empty for a client without a contract today.
     */
    public java.util.Optional<PlanThisMonth> planThisMonth(long organizationId) {
        var terms = contracts.termsOfToday(organizationId);
        if (terms.contractId() == null) {
            return java.util.Optional.empty();
        }
        LedgerMonth month = monthOf(organizationId, YearMonth.from(contracts.today()));
        int left = month == null ? 0 : Math.max(0, month.balanceMinutes());
        return java.util.Optional.of(new PlanThisMonth(terms.planCode(), left));
    }

    /**
     * Every client with a contract running this month: this month's figures, the overrun flag on
     * the closed months and a recommended plan. One query for contracts, one for closed months,
     * one for the minutes.
     */
    public List<ClientUtilisation> utilisation() {
        List<ClientUtilisation> out = new ArrayList<>();
        Map<PlanCode, PlanView> catalogue = contracts.catalogue();
        forEachRunning((c, view, months, name) -> {
            LedgerMonth current = months.get(months.size() - 1);
            out.add(new ClientUtilisation(
                    c.getOrganizationId(),
                    name,
                    c.getId(),
                    view.number(),
                    current.planCode(),
                    current,
                    recommendations.overrun(months),
                    recommendations.recommend(months, catalogue)));
        });
        out.sort(Comparator.comparing(ClientUtilisation::organizationName, Comparator.nullsLast(String::compareTo)));
        return out;
    }

    /** The ledger of every client with a contract running this month, in three queries in all. */
    public List<ClientLedger> runningLedgers() {
        List<ClientLedger> out = new ArrayList<>();
        forEachRunning((c, view, months, name) -> out.add(new ClientLedger(c.getOrganizationId(), name, view, months)));
        out.sort(Comparator.comparing(ClientLedger::organizationName, Comparator.nullsLast(String::compareTo)));
        return out;
    }

    /**
     * Overrun alerts (R9) and due trial reviews (R11) of every running contract; for
     * {@code personalManagerId} only that manager's clients, for null all of them.
     */
    public List<PlanAlert> alerts(Long personalManagerId) {
        List<PlanAlert> out = new ArrayList<>();
        Map<PlanCode, PlanView> catalogue = contracts.catalogue();
        LocalDate today = contracts.today();
        forEachRunning((c, view, months, name) -> {
            if (personalManagerId != null && !personalManagerId.equals(c.getPersonalManagerId())) {
                return;
            }
            PlanCode plan = months.get(months.size() - 1).planCode();
            // until a month is closed there is no average to speak of (not "0 h")
            Integer average =
                    months.stream().anyMatch(LedgerMonth::closed) ? recommendations.averageUsed(months) : null;
            PlanCode recommended = recommendations.recommend(months, catalogue);
            if (recommendations.overrun(months)) {
                out.add(new PlanAlert(
                        PlanAlert.Kind.OVERRUN,
                        c.getOrganizationId(),
                        name,
                        c.getId(),
                        c.getPersonalManagerId(),
                        plan,
                        average,
                        recommended,
                        0));
            }
            if (recommendations.trialReviewDue(view, today)) {
                out.add(new PlanAlert(
                        PlanAlert.Kind.TRIAL,
                        c.getOrganizationId(),
                        name,
                        c.getId(),
                        c.getPersonalManagerId(),
                        plan,
                        average,
                        recommended,
                        recommendations.trialMonths()));
            }
        });
        out.sort(Comparator.comparing(PlanAlert::organizationName, Comparator.nullsLast(String::compareTo)));
        return out;
    }

    interface RunningContract {
        void accept(Contract contract, ContractView view, List<LedgerMonth> months, String organizationName);
    }

    /** Computes the ledger of every contract running this month with three queries in all. */
    void forEachRunning(RunningContract action) {
        LocalDate today = contracts.today();
        YearMonth now = YearMonth.from(today);
        List<Contract> running = contractRepository.findRunningBetween(now.atDay(1), now.atEndOfMonth()).stream()
                .filter(c -> !c.getStartDate().isAfter(today))
                .toList();
        if (running.isEmpty()) {
            return;
        }
        LocalDate from = running.stream()
                .map(Contract::getStartDate)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Map<Long, Map<YearMonth, Integer>> minutes = workLog.minutesByOrganizationAndMonth(YearMonth.from(from), now);
        Map<Long, List<ClosedMonth>> frozen =
                closed.findByContracts(running.stream().map(Contract::getId).toList()).stream()
                        .collect(Collectors.groupingBy(ClosedMonth::getContractId));
        Map<Long, String> names = new HashMap<>();
        customers.organizationChoices().forEach(o -> names.put(o.id(), o.name()));
        Map<PlanCode, PlanView> catalogue = contracts.catalogue();
        for (Contract c : running) {
            Map<YearMonth, Integer> used = exactEdges(c, minutes.getOrDefault(c.getOrganizationId(), Map.of()));
            List<LedgerMonth> months = months(c, today, catalogue, used, frozen.getOrDefault(c.getId(), List.of()));
            action.accept(c, c.view(catalogue, today), months, names.get(c.getOrganizationId()));
        }
    }

    /** The monthly statement of an organization: each request worked on in the month, with its minutes. */
    public Statement statement(long organizationId, YearMonth month) {
        return findStatement(organizationId, month)
                .orElseThrow(() -> new NotFoundException("No statement for " + month));
    }

    /** As {@link #statement(long, YearMonth)}, empty when the contract did not run that month (never throws). */
    public java.util.Optional<Statement> findStatement(long organizationId, YearMonth month) {
        ClientLedger ledger = ledgerOf(organizationId);
        LedgerMonth line = ledger.months().stream()
                .filter(m -> m.month().equals(month))
                .findFirst()
                .orElse(null);
        if (ledger.contract() == null || line == null) {
            return java.util.Optional.empty();
        }
        Map<Long, Integer> byTicket = new LinkedHashMap<>();
        Map<Long, Integer> syncByTicket = new HashMap<>();
        for (WorkEntryView e : workLog.entriesOfOrganization(
                organizationId, month.atDay(1), month.plusMonths(1).atDay(1))) {
            if (!e.day().isBefore(ledger.contract().startDate())) {
                byTicket.merge(e.ticketId(), e.minutes(), Integer::sum);
                if (e.kind() == dev.tidesk.worklog.WorkKind.TEST_COPY_SYNC) {
                    syncByTicket.merge(e.ticketId(), e.minutes(), Integer::sum);
                }
            }
        }
        List<StatementLine> lines = new ArrayList<>();
        byTicket.forEach((ticketId, minutes) -> {
            TicketView t = requests.ticket(ticketId);
            lines.add(new StatementLine(
                    ticketId,
                    t.tid(),
                    t.subject(),
                    t.status().name(),
                    minutes,
                    syncByTicket.getOrDefault(ticketId, 0)));
        });
        lines.sort(Comparator.comparing(StatementLine::ticketId));
        return java.util.Optional.of(new Statement(
                organizationId,
                ledger.organizationName(),
                month,
                ledger.contract(),
                line,
                lines,
                lines.stream().mapToInt(StatementLine::minutes).sum(),
                lines.stream().mapToInt(StatementLine::syncMinutes).sum()));
    }

    public static List<LedgerMonth> months(
            Contract contract,
            LocalDate today,
            Map<PlanCode, PlanView> catalogue,
            Map<YearMonth, Integer> used,
            List<ClosedMonth> frozen) {
        Map<YearMonth, ClosedMonth> closedByMonth = new HashMap<>();
        frozen.forEach(m -> closedByMonth.put(m.month(), m));
        YearMonth first = YearMonth.from(contract.getStartDate());
        YearMonth last = YearMonth.from(lastDay(contract, today));
        List<Ledger.MonthInput> inputs = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            TermsPeriodView t = contract.termsIn(m).resolve(catalogue);
            int included = Ledger.included(m, contract.getStartDate(), contract.getEndDate(), t.includedMinutes());
            ClosedMonth c = closedByMonth.get(m);
            Integer window = contract.getCarryOverMonths() != null
                    ? contract.getCarryOverMonths()
                    : catalogue.get(t.planCode()) == null
                            ? null
                            : catalogue.get(t.planCode()).carryOverMonths();
            inputs.add(new Ledger.MonthInput(
                    m,
                    t.planCode(),
                    included,
                    used.getOrDefault(m, 0),
                    c == null ? null : new Ledger.Frozen(c.getIncludedMinutes(), c.getUsedMinutes()),
                    window));
        }
        return Ledger.compute(inputs);
    }

    /** The last day the ledger covers: today, or the contract's end if earlier; the start if it begins later. */
    private static LocalDate lastDay(Contract contract, LocalDate today) {
        LocalDate last =
                contract.getEndDate() != null && contract.getEndDate().isBefore(today) ? contract.getEndDate() : today;
        return last.isBefore(contract.getStartDate()) ? contract.getStartDate() : last;
    }

    /**
     * Whole-month totals are exact except in a month where the contract starts or ends on another
     * day than the first or last: those months are summed again by day.
     */
    private Map<YearMonth, Integer> exactEdges(Contract c, Map<YearMonth, Integer> minutes) {
        LocalDate start = c.getStartDate();
        LocalDate end = c.getEndDate();
        boolean partialStart = start.getDayOfMonth() != 1;
        boolean partialEnd = end != null && !end.equals(YearMonth.from(end).atEndOfMonth());
        if (!partialStart && !partialEnd) {
            return minutes;
        }
        Map<YearMonth, Integer> exact = new HashMap<>(minutes);
        LocalDate endExclusive = end == null ? LocalDate.MAX : end.plusDays(1);
        for (YearMonth m : new YearMonth[] {YearMonth.from(start), end == null ? null : YearMonth.from(end)}) {
            if (m == null || !minutes.containsKey(m)) {
                continue;
            }
            LocalDate from = start.isAfter(m.atDay(1)) ? start : m.atDay(1);
            LocalDate to = endExclusive.isBefore(m.plusMonths(1).atDay(1))
                    ? endExclusive
                    : m.plusMonths(1).atDay(1);
            exact.put(m, workLog.minutesByMonth(c.getOrganizationId(), from, to).getOrDefault(m, 0));
        }
        return exact;
    }
}
