package dev.tidesk.contract.ledger;

import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/**
 * The monthly close froze {@code month} of a contract. Published once per contract and month, in
 * the closing transaction (a second close of the same month publishes nothing); once the close
 * commits, the mail module sends the statement to the contacts who asked for it.
 */
@NamedInterface("ledger")
public record MonthClosed(long contractId, long organizationId, YearMonth month) {}
