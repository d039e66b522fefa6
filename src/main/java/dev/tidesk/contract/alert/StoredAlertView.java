package dev.tidesk.contract.alert;

import dev.tidesk.contract.PlanCode;
import java.time.Instant;
import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/**
 * An overrun or trial alert kept by the monthly close, as the workspace shows it.
 *
 * @param month             the closed month whose figures raised it
 * @param personalManagerId the contract's personal manager now (who sees the alert besides the heads)
 * @param acknowledgedBy    who acknowledged it, null while it is open
 */
@NamedInterface("alert")
public record StoredAlertView(
        long id,
        PlanAlert.Kind kind,
        long organizationId,
        String organizationName,
        long contractId,
        Long personalManagerId,
        YearMonth month,
        PlanCode planCode,
        int averageMinutes,
        PlanCode recommendation,
        int trialMonths,
        Instant raisedAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    public boolean open() {
        return acknowledgedAt == null;
    }
}
