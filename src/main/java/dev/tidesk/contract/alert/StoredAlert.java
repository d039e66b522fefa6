package dev.tidesk.contract.alert;

import dev.tidesk.contract.PlanCode;
import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** An alert raised by the monthly close; open until acknowledged (once, with who and when). */
@Entity
@Table(name = "plan_alert")
class StoredAlert {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long contractId;
    private long organizationId;
    private LocalDate month;

    @Enumerated(EnumType.STRING)
    private PlanAlert.Kind kind;

    @Enumerated(EnumType.STRING)
    private PlanCode planCode;

    private int averageMinutes;

    @Enumerated(EnumType.STRING)
    private PlanCode recommendation;

    private int trialMonths;
    private Instant raisedAt;
    private String acknowledgedBy;
    private Long acknowledgedById;
    private Instant acknowledgedAt;

    @Version
    private int version;

    protected StoredAlert() {}

    void acknowledge(Long staffId, String name, Instant now) {
        if (acknowledgedAt != null) {
            throw new DomainException("contract.alert.error.acknowledged", "This alert was acknowledged already");
        }
        acknowledgedById = staffId;
        acknowledgedBy = name;
        acknowledgedAt = now;
    }

    StoredAlertView view(String organizationName, Long personalManagerId) {
        return new StoredAlertView(
                id,
                kind,
                organizationId,
                organizationName,
                contractId,
                personalManagerId,
                YearMonth.from(month),
                planCode,
                averageMinutes,
                recommendation,
                trialMonths,
                raisedAt,
                acknowledgedBy,
                acknowledgedAt);
    }

    long getContractId() {
        return contractId;
    }

    long getOrganizationId() {
        return organizationId;
    }
}
