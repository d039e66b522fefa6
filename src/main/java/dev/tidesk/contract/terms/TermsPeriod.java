package dev.tidesk.contract.terms;

import dev.tidesk.contract.IndividualTerms;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.contract.TermsPeriodView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The plan a contract is on from a month on. A catalogue plan's values are read from the
 * catalogue (so an admin's edit applies to every client on that plan from the next open month;
 * closed months keep the figures frozen at their close); an individual plan carries its own.
 */
@Entity
@Table(name = "contract_terms")
public class TermsPeriod {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "contract_id")
    private long contractId;

    private LocalDate effectiveFrom;

    @Enumerated(EnumType.STRING)
    private PlanCode planCode;

    private String name;
    private BigDecimal monthlyFee;
    private Integer includedMinutes;
    private Integer firstResponseHours;
    private Integer resolutionHours;
    private Boolean personalManager;
    private Integer tierRank;
    private Instant changedAt;
    private String changedBy;

    protected TermsPeriod() {}

    private TermsPeriod(YearMonth from, PlanCode planCode, String actor, Instant now) {
        this.effectiveFrom = from.atDay(1);
        this.planCode = planCode;
        this.changedAt = now;
        this.changedBy = actor;
    }

    public static TermsPeriod catalogue(YearMonth from, PlanCode code, String actor, Instant now) {
        if (!code.isCatalogue()) {
            throw new IllegalArgumentException("Not a catalogue plan: " + code);
        }
        return new TermsPeriod(from, code, actor, now);
    }

    public static TermsPeriod individual(YearMonth from, IndividualTerms t, String actor, Instant now) {
        Plan.checkTerms(t.monthlyFee(), t.includedMinutes(), t.firstResponseHours(), t.resolutionHours(), t.tierRank());
        TermsPeriod p = new TermsPeriod(from, PlanCode.INDIVIDUAL, actor, now);
        p.name = t.name() == null || t.name().isBlank() ? null : t.name().strip();
        p.monthlyFee = t.monthlyFee();
        p.includedMinutes = t.includedMinutes();
        p.firstResponseHours = t.firstResponseHours();
        p.resolutionHours = t.resolutionHours();
        p.personalManager = t.personalManager();
        p.tierRank = t.tierRank();
        return p;
    }

    void attachTo(long contractId) {
        this.contractId = contractId;
    }

    /** The values in force, taking a catalogue plan's from the catalogue. */
    public TermsPeriodView resolve(Map<PlanCode, PlanView> catalogue) {
        if (planCode == PlanCode.INDIVIDUAL) {
            return new TermsPeriodView(
                    month(),
                    planCode,
                    name,
                    monthlyFee,
                    includedMinutes,
                    firstResponseHours,
                    resolutionHours,
                    personalManager,
                    tierRank,
                    changedAt,
                    changedBy);
        }
        PlanView p = catalogue.get(planCode);
        return new TermsPeriodView(
                month(),
                planCode,
                null,
                p.monthlyFee(),
                p.includedMinutes(),
                p.firstResponseHours(),
                p.resolutionHours(),
                p.personalManager(),
                p.tierRank(),
                changedAt,
                changedBy);
    }

    YearMonth month() {
        return YearMonth.from(effectiveFrom);
    }

    Long getId() {
        return id;
    }

    public PlanCode getPlanCode() {
        return planCode;
    }
}
