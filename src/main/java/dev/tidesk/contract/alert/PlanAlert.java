package dev.tidesk.contract.alert;

import dev.tidesk.contract.PlanCode;
import org.springframework.modulith.NamedInterface;

/**
 * Something the head of support (and the client's personal manager) should look at.
 *
 * @param kind           OVERRUN (R9) or TRIAL (R11)
 * @param averageMinutes average used in the latest closed months, null while no month of the contract is closed
 * @param recommendation the smallest catalogue plan covering that average, or INDIVIDUAL; null without closed months
 */
@NamedInterface("alert")
public record PlanAlert(
        Kind kind,
        long organizationId,
        String organizationName,
        long contractId,
        Long personalManagerId,
        PlanCode planCode,
        Integer averageMinutes,
        PlanCode recommendation,
        int trialMonths) {

    public enum Kind {
        OVERRUN,
        TRIAL
    }
}
