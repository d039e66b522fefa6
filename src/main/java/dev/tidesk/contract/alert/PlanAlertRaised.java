package dev.tidesk.contract.alert;

import dev.tidesk.contract.PlanCode;
import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/**
 * The monthly close found a contract over its plan (R9) or due for its trial review (R11) and kept
 * an alert; published once per alert, in the closing transaction. Once it commits, the mail module tells the heads
 * and the personal manager.
 */
@NamedInterface("alert")
public record PlanAlertRaised(
        long alertId,
        PlanAlert.Kind kind,
        long contractId,
        long organizationId,
        Long personalManagerId,
        YearMonth month,
        PlanCode planCode,
        int averageMinutes,
        PlanCode recommendation,
        int trialMonths) {}
