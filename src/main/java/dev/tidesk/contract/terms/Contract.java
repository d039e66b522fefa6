package dev.tidesk.contract.terms;

import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.TermsPeriodView;
import dev.tidesk.contract.TrialDecision;
import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A client's contract (договор). Its rules: plan changes take effect from the first of a month
 * within the contract and are kept as history; the plan in force in a month is the latest change
 * effective on or before it; a contract ends on a day not before its start.
 */
@Entity
public class Contract {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long organizationId;
    private String number;
    private LocalDate startDate;
    private LocalDate endDate;
    private Long personalManagerId;
    private boolean testCopyOnly;
    private String specialTerms;
    private Integer carryOverMonths;

    @Enumerated(EnumType.STRING)
    private TrialDecision trialDecision;

    private Instant trialDecidedAt;
    private String trialDecidedBy;
    private Instant createdAt;

    @Version
    private int version;

    @OneToMany(fetch = FetchType.EAGER)
    @JoinColumn(name = "contract_id", insertable = false, updatable = false)
    private List<TermsPeriod> periods = new ArrayList<>();

    @Transient
    private final List<ContractChange> changes = new ArrayList<>();

    @Transient
    private final List<TermsPeriod> newPeriods = new ArrayList<>();

    protected Contract() {}

    public Contract(
            long organizationId,
            String number,
            LocalDate startDate,
            TermsPeriod first,
            Long personalManagerId,
            boolean testCopyOnly,
            String specialTerms,
            String actor,
            Instant now) {
        if (number == null || number.isBlank()) {
            throw new DomainException("contract.error.number", "A contract needs a number");
        }
        this.organizationId = organizationId;
        this.number = number.strip();
        this.startDate = Objects.requireNonNull(startDate, "startDate");
        this.personalManagerId = personalManagerId;
        this.testCopyOnly = testCopyOnly;
        this.specialTerms = blankToNull(specialTerms);
        this.createdAt = now;
        if (!first.month().equals(YearMonth.from(startDate))) {
            throw new IllegalArgumentException("The first plan starts with the contract");
        }
        newPeriods.add(first);
        record(actor, now, "signed", null, this.number + " " + first.getPlanCode());
    }

    /**
     * Puts the contract on another plan from the first of {@code from}. A second change for the
     * same month replaces the first in effect (both stay in the history).
     */
    public void changePlan(TermsPeriod next, YearMonth firstOpenMonth, String actor, Instant now) {
        YearMonth from = next.month();
        if (from.isBefore(YearMonth.from(startDate))) {
            throw new DomainException("contract.error.before-start", "The change is before the contract starts");
        }
        if (endDate != null && from.isAfter(YearMonth.from(endDate))) {
            throw new DomainException("contract.error.after-end", "The change is after the contract ends");
        }
        if (firstOpenMonth != null && from.isBefore(firstOpenMonth)) {
            throw new DomainException(
                    "contract.error.closed-month",
                    "Month " + from + " is closed; a change can start from " + firstOpenMonth,
                    from,
                    firstOpenMonth);
        }
        PlanCode before = termsIn(from) == null ? null : termsIn(from).getPlanCode();
        newPeriods.add(next);
        record(actor, now, "plan", before == null ? null : before.name(), next.getPlanCode() + " " + from);
        // moving off the trial plan is the trial's decision
        if (trialDecision == null && before == PlanCode.ECONOMY && next.getPlanCode() != PlanCode.ECONOMY) {
            decideTrial(
                    next.getPlanCode() == PlanCode.INDIVIDUAL ? TrialDecision.INDIVIDUAL : TrialDecision.UPGRADE,
                    actor,
                    now);
        }
    }

    public void changeManager(Long staffId, String actor, Instant now) {
        if (Objects.equals(staffId, personalManagerId)) {
            return;
        }
        record(actor, now, "manager", str(personalManagerId), str(staffId));
        personalManagerId = staffId;
    }

    public void changeTestCopyOnly(boolean value, String actor, Instant now) {
        if (value != testCopyOnly) {
            record(actor, now, "testCopyOnly", String.valueOf(testCopyOnly), String.valueOf(value));
            testCopyOnly = value;
        }
    }

    public void changeSpecialTerms(String text, String actor, Instant now) {
        String v = blankToNull(text);
        if (!Objects.equals(v, specialTerms)) {
            record(actor, now, "specialTerms", null, null);
            specialTerms = v;
        }
    }

    /** Sets this contract's own carry-over window (null: the plan's). */
    public void changeCarryOver(Integer months, String actor, Instant now) {
        Integer v = Plan.checkCarryOver(months);
        if (!Objects.equals(v, carryOverMonths)) {
            record(
                    actor,
                    now,
                    "carryOver",
                    carryOverMonths == null ? null : carryOverMonths.toString(),
                    v == null ? null : v.toString());
            carryOverMonths = v;
        }
    }

    public Integer getCarryOverMonths() {
        return carryOverMonths;
    }

    public void end(LocalDate day, String actor, Instant now) {
        if (endDate != null) {
            throw new DomainException("contract.error.ended", "The contract has ended already");
        }
        if (day.isBefore(startDate)) {
            throw new DomainException("contract.error.end-before-start", "A contract cannot end before it starts");
        }
        endDate = day;
        record(actor, now, "ended", null, day.toString());
    }

    public void decideTrial(TrialDecision decision, String actor, Instant now) {
        record(actor, now, "trial", trialDecision == null ? null : trialDecision.name(), decision.name());
        trialDecision = Objects.requireNonNull(decision);
        trialDecidedAt = now;
        trialDecidedBy = actor;
    }

    /** The plan in force in a month: the latest change effective on or before it. */
    public TermsPeriod termsIn(YearMonth month) {
        return allPeriods().stream()
                .filter(p -> !p.month().isAfter(month))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    /** All plan periods, oldest first; among changes for the same month, the later wins. */
    List<TermsPeriod> allPeriods() {
        List<TermsPeriod> all = new ArrayList<>(periods);
        all.addAll(newPeriods);
        all.sort(Comparator.comparing(TermsPeriod::month)
                .thenComparing(p -> p.getId() == null ? Long.MAX_VALUE : p.getId()));
        return all;
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }

    /** Moves what was added since loading to the lists JPA saves, once the contract has an id. */
    public List<ContractChange> drainChanges() {
        for (TermsPeriod p : newPeriods) {
            p.attachTo(id);
        }
        List<ContractChange> out = new ArrayList<>();
        for (ContractChange c : changes) {
            out.add(new ContractChange(
                    id,
                    c.view().at(),
                    c.view().actor(),
                    c.view().field(),
                    c.view().fromValue(),
                    c.view().toValue()));
        }
        changes.clear();
        return out;
    }

    /** Plan periods added since loading and not saved yet. */
    public List<TermsPeriod> unsavedPeriods() {
        return newPeriods.stream().filter(p -> p.getId() == null).toList();
    }

    public ContractView view(Map<PlanCode, PlanView> catalogue, LocalDate today) {
        List<TermsPeriodView> list =
                allPeriods().stream().map(p -> p.resolve(catalogue)).toList();
        YearMonth now = YearMonth.from(today);
        TermsPeriod current = termsIn(now.isBefore(YearMonth.from(startDate)) ? YearMonth.from(startDate) : now);
        return new ContractView(
                id == null ? 0 : id,
                organizationId,
                number,
                startDate,
                endDate,
                personalManagerId,
                testCopyOnly,
                specialTerms,
                trialDecision,
                trialDecidedAt,
                trialDecidedBy,
                list,
                current == null ? null : current.resolve(catalogue),
                carryOverMonths,
                carryOverMonths != null
                        ? carryOverMonths
                        : current == null || catalogue.get(current.getPlanCode()) == null
                                ? null
                                : catalogue.get(current.getPlanCode()).carryOverMonths());
    }

    private void record(String actor, Instant now, String field, String from, String to) {
        changes.add(new ContractChange(0, now, actor, field, from, to));
    }

    private static String str(Long v) {
        return v == null ? null : v.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Long getId() {
        return id;
    }

    public long getOrganizationId() {
        return organizationId;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public Long getPersonalManagerId() {
        return personalManagerId;
    }

    public boolean isTestCopyOnly() {
        return testCopyOnly;
    }

    public TrialDecision getTrialDecision() {
        return trialDecision;
    }
}
