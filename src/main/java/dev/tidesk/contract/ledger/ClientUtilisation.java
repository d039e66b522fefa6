package dev.tidesk.contract.ledger;

import dev.tidesk.contract.PlanCode;
import org.springframework.modulith.NamedInterface;

/**
 * One line of the all-clients list: this month's figures and the overrun flag.
 *
 * @param overrun the overrun rule holds on the latest closed months (R9)
 */
@NamedInterface("ledger")
public record ClientUtilisation(
        long organizationId,
        String organizationName,
        long contractId,
        String contractNumber,
        PlanCode planCode,
        LedgerMonth month,
        boolean overrun,
        PlanCode recommendation) {}
