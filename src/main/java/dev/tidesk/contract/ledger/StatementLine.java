package dev.tidesk.contract.ledger;

import org.springframework.modulith.NamedInterface;

/**
 * One request of a monthly statement with the minutes logged on it in that month, {@code syncMinutes}
 * of them on synchronising the test copy.
 */
@NamedInterface("ledger")
public record StatementLine(long ticketId, String tid, String subject, String status, int minutes, int syncMinutes) {}
