package dev.tidesk.contract.ledger;

import dev.tidesk.contract.PlanCode;
import org.springframework.modulith.NamedInterface;

/**
 * Where a client under contract stands this month, as a reply to the client tells it: the plan in
 * force today and the norm-hours still left this month (none when the month is over plan).
 *
 * @param plan        the plan of the contract in force today
 * @param minutesLeft included minutes of this month not used yet, never below zero
 */
@NamedInterface("ledger")
public record PlanThisMonth(PlanCode plan, int minutesLeft) {}
