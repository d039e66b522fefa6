package dev.tidesk.contract;

import dev.tidesk.contract.alert.StoredAlertRepository;
import dev.tidesk.contract.ledger.ClosedMonth;
import dev.tidesk.contract.ledger.ClosedMonthRepository;
import dev.tidesk.contract.terms.Contract;
import dev.tidesk.contract.terms.ContractChange;
import dev.tidesk.contract.terms.ContractChangeRepository;
import dev.tidesk.contract.terms.ContractRepository;
import dev.tidesk.contract.terms.Plan;
import dev.tidesk.contract.terms.PlanRepository;
import dev.tidesk.contract.terms.TermsPeriod;
import dev.tidesk.contract.terms.TermsPeriodRepository;
import dev.tidesk.customer.Customers;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.Installation;
import dev.tidesk.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contract module's API for plans and contracts: the catalogue, signing, plan and manager
 * changes, ending, the trial decision, and {@link #termsOf(long, LocalDate)} for everyone who
 * needs to know what a client is entitled to. Every change of terms publishes
 * {@link ContractTermsChanged}.
 */
@Service
@Transactional(readOnly = true)
public class Contracts {

    private final PlanRepository plans;
    private final ContractRepository contracts;
    private final TermsPeriodRepository periods;
    private final ContractChangeRepository changes;
    private final ClosedMonthRepository closed;
    private final Customers customers;
    private final ApplicationEventPublisher events;
    private final Installation installation;
    private final Clock clock;
    private final StoredAlertRepository trialAlerts;

    Contracts(
            PlanRepository plans,
            ContractRepository contracts,
            TermsPeriodRepository periods,
            ContractChangeRepository changes,
            ClosedMonthRepository closed,
            Customers customers,
            ApplicationEventPublisher events,
            Installation installation,
            Clock clock,
            StoredAlertRepository trialAlerts) {
        this.trialAlerts = trialAlerts;
        this.plans = plans;
        this.contracts = contracts;
        this.periods = periods;
        this.changes = changes;
        this.closed = closed;
        this.customers = customers;
        this.events = events;
        this.installation = installation;
        this.clock = clock;
    }

    // --- plans -------------------------------------------------------------------------------

    /** The catalogue, Premium first. */
    public List<PlanView> plans() {
        return plans.findAll().stream()
                .map(Plan::view)
                .sorted((a, b) -> Integer.compare(a.tierRank(), b.tierRank()))
                .toList();
    }

    public PlanView plan(PlanCode code) {
        return plans.findByCode(code).map(Plan::view).orElseThrow(() -> new NotFoundException("No plan " + code));
    }

    public Map<PlanCode, PlanView> catalogue() {
        Map<PlanCode, PlanView> map = new EnumMap<>(PlanCode.class);
        plans.findAll().forEach(p -> map.put(p.getCode(), p.view()));
        return map;
    }

    /** Changes a catalogue plan; every client on it gets the new terms (closed months stay frozen). */
    @Transactional
    public PlanView updatePlan(PlanCode code, PlanChange change) {
        Plan plan = plans.findByCode(code).orElseThrow(() -> new NotFoundException("No plan " + code));
        plan.change(change, now());
        LocalDate today = today();
        contracts.findRunningBetween(today, today).stream()
                .filter(c -> c.termsIn(YearMonth.from(today)) != null
                        && c.termsIn(YearMonth.from(today)).getPlanCode() == code)
                .forEach(c -> events.publishEvent(new ContractTermsChanged(c.getOrganizationId())));
        return plan.view();
    }

    // --- contracts ---------------------------------------------------------------------------

    /** Signs a contract on a catalogue plan. */
    @Transactional
    public ContractView sign(
            long organizationId,
            String number,
            LocalDate startDate,
            PlanCode plan,
            Long personalManagerId,
            boolean testCopyOnly,
            String specialTerms,
            String actor) {
        if (!plan.isCatalogue()) {
            throw new DomainException("contract.error.plan", "Choose a catalogue plan or individual terms");
        }
        return sign(
                organizationId,
                number,
                startDate,
                TermsPeriod.catalogue(YearMonth.from(startDate), plan, actor, now()),
                personalManagerId,
                testCopyOnly,
                specialTerms,
                actor);
    }

    /** Signs a contract on an individual plan with its own hours, fee, targets and tier. */
    @Transactional
    public ContractView signIndividual(
            long organizationId,
            String number,
            LocalDate startDate,
            IndividualTerms terms,
            Long personalManagerId,
            boolean testCopyOnly,
            String specialTerms,
            String actor) {
        return sign(
                organizationId,
                number,
                startDate,
                TermsPeriod.individual(YearMonth.from(startDate), terms, actor, now()),
                personalManagerId,
                testCopyOnly,
                specialTerms,
                actor);
    }

    private ContractView sign(
            long organizationId,
            String number,
            LocalDate startDate,
            TermsPeriod first,
            Long personalManagerId,
            boolean testCopyOnly,
            String specialTerms,
            String actor) {
        customers.organization(organizationId);
        if (contracts.existsOverlapping(organizationId, startDate)) {
            throw new DomainException(
                    "contract.error.overlap", "The organization has a contract in force; end it first");
        }
        Contract contract = new Contract(
                organizationId, number, startDate, first, personalManagerId, testCopyOnly, specialTerms, actor, now());
        return save(contract);
    }

    /** Puts the contract on a catalogue plan from the first of {@code from}. */
    @Transactional
    public ContractView changePlan(long contractId, YearMonth from, PlanCode plan, String actor) {
        if (!plan.isCatalogue()) {
            throw new DomainException("contract.error.plan", "Choose a catalogue plan or individual terms");
        }
        Contract contract = load(contractId);
        contract.changePlan(TermsPeriod.catalogue(from, plan, actor, now()), firstOpenMonth(contractId), actor, now());
        settleTrialReview(contract, actor);
        return save(contract);
    }

    /** Puts the contract on individual terms from the first of {@code from}. */
    @Transactional
    public ContractView changeToIndividual(long contractId, YearMonth from, IndividualTerms terms, String actor) {
        Contract contract = load(contractId);
        contract.changePlan(
                TermsPeriod.individual(from, terms, actor, now()), firstOpenMonth(contractId), actor, now());
        settleTrialReview(contract, actor);
        return save(contract);
    }

    @Transactional
    public ContractView changeManager(long contractId, Long staffId, String actor) {
        Contract contract = load(contractId);
        contract.changeManager(staffId, actor, now());
        return save(contract);
    }

    @Transactional
    public ContractView changeConditions(long contractId, boolean testCopyOnly, String specialTerms, String actor) {
        Contract contract = load(contractId);
        contract.changeTestCopyOnly(testCopyOnly, actor, now());
        contract.changeSpecialTerms(specialTerms, actor, now());
        return save(contract);
    }

    /** Sets the contract's own window for unused hours in months; null: the plan's. */
    @Transactional
    public ContractView changeCarryOver(long contractId, Integer months, String actor) {
        Contract contract = load(contractId);
        contract.changeCarryOver(months, actor, now());
        return save(contract);
    }

    /** Ends the contract on {@code day} (its last day); after it the client is a one-off client. */
    @Transactional
    public ContractView end(long contractId, LocalDate day, String actor) {
        Contract contract = load(contractId);
        contract.end(day, actor, now());
        return save(contract);
    }

    /** Records the decision of the trial review (R11) with the contract. */
    @Transactional
    public ContractView decideTrial(long contractId, TrialDecision decision, String actor) {
        Contract contract = load(contractId);
        contract.decideTrial(decision, actor, now());
        settleTrialReview(contract, actor);
        return save(contract);
    }

    /** A decided trial (by hand or by a plan change) settles its open review alert. */
    private void settleTrialReview(Contract contract, String actor) {
        if (contract.getTrialDecision() != null) {
            trialAlerts.settleTrial(contract.getId(), actor, now());
        }
    }

    private ContractView save(Contract contract) {
        contracts.save(contract);

        contract.drainChanges().forEach(changes::save);
        contract.unsavedPeriods().forEach(periods::save);
        events.publishEvent(new ContractTermsChanged(contract.getOrganizationId()));
        return contract.view(catalogue(), today());
    }

    /** The first month a plan change may start from: the month after the last closed one. */
    private YearMonth firstOpenMonth(long contractId) {
        List<ClosedMonth> months = closed.findByContract(contractId);
        return months.isEmpty() ? null : months.get(months.size() - 1).month().plusMonths(1);
    }

    // --- reading -----------------------------------------------------------------------------

    /** What the organization is entitled to on {@code day}; a one-off client's terms when no contract is in force. */
    public ContractTerms termsOf(long organizationId, LocalDate day) {
        return contracts
                .findInForce(organizationId, day)
                .map(c -> terms(c, day, catalogue()))
                .orElseGet(() -> ContractTerms.oneOff(organizationId));
    }

    public ContractTerms termsOfToday(long organizationId) {
        return termsOf(organizationId, today());
    }

    public static ContractTerms terms(Contract c, LocalDate day, Map<PlanCode, PlanView> catalogue) {
        TermsPeriodView t = c.termsIn(YearMonth.from(day)).resolve(catalogue);
        return new ContractTerms(
                c.getOrganizationId(),
                c.getId(),
                t.planCode(),
                t.tierRank(),
                t.personalManager() ? c.getPersonalManagerId() : null,
                t.firstResponseHours(),
                t.resolutionHours(),
                c.isTestCopyOnly(),
                t.includedMinutes());
    }

    /** The contract in force today, if any. */
    public Optional<ContractView> activeContract(long organizationId) {
        LocalDate today = today();
        return contracts.findInForce(organizationId, today).map(c -> c.view(catalogue(), today));
    }

    public ContractView contract(long contractId) {
        return load(contractId).view(catalogue(), today());
    }

    public List<ContractChangeView> changesOf(long contractId) {
        return changes.findByContract(contractId).stream()
                .map(ContractChange::view)
                .toList();
    }

    private Contract load(long contractId) {
        return contracts.findById(contractId).orElseThrow(() -> new NotFoundException("No contract " + contractId));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(installation.timeZone()));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
