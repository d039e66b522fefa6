package dev.tidesk.contract.terms;

import dev.tidesk.contract.PlanChange;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.PlanView;
import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;

/** A catalogue plan. Admins change its values; its code stays. */
@Entity
public class Plan {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private PlanCode code;

    private String nameRu;
    private String nameEn;
    private BigDecimal monthlyFee;
    private int includedMinutes;
    private int firstResponseHours;
    private int resolutionHours;
    private boolean personalManager;
    private int tierRank;
    private Integer carryOverMonths;
    private Instant updatedAt;

    @Version
    private int version;

    protected Plan() {}

    public void change(PlanChange c, Instant now) {
        checkTerms(c.monthlyFee(), c.includedMinutes(), c.firstResponseHours(), c.resolutionHours(), c.tierRank());
        if (c.nameRu() == null
                || c.nameRu().isBlank()
                || c.nameEn() == null
                || c.nameEn().isBlank()) {
            throw new DomainException("contract.error.plan-name", "A plan needs a name in both languages");
        }
        nameRu = c.nameRu().strip();
        nameEn = c.nameEn().strip();
        monthlyFee = c.monthlyFee();
        includedMinutes = c.includedMinutes();
        firstResponseHours = c.firstResponseHours();
        resolutionHours = c.resolutionHours();
        personalManager = c.personalManager();
        tierRank = c.tierRank();
        carryOverMonths = checkCarryOver(c.carryOverMonths());
        updatedAt = now;
    }

    static void checkTerms(
            BigDecimal fee, int includedMinutes, int firstResponseHours, int resolutionHours, int tierRank) {
        if (fee == null || fee.signum() < 0 || includedMinutes < 0) {
            throw new DomainException("contract.error.negative", "Fee and hours cannot be negative");
        }
        if (firstResponseHours <= 0 || resolutionHours <= 0 || resolutionHours < firstResponseHours) {
            throw new DomainException(
                    "contract.error.targets", "Targets must be positive and resolution no sooner than first response");
        }
        if (tierRank < 0 || tierRank > 8) {
            throw new DomainException("contract.error.tier", "Queue tier must be between 0 and 8");
        }
    }

    /** A carry-over window is a whole number of months from 1 to 120, or none (null). */
    static Integer checkCarryOver(Integer months) {
        if (months != null && (months < 1 || months > 120)) {
            throw new DomainException("contract.error.carryOver", "The carry-over window is 1 to 120 months, or none");
        }
        return months;
    }

    public PlanView view() {
        return new PlanView(
                id,
                code,
                nameRu,
                nameEn,
                monthlyFee,
                includedMinutes,
                firstResponseHours,
                resolutionHours,
                personalManager,
                tierRank,
                carryOverMonths);
    }

    public PlanCode getCode() {
        return code;
    }
}
