package dev.tidesk.contract.ledger;

import dev.tidesk.contract.ContractView;
import java.time.YearMonth;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * The monthly statement: what was done for the client in a month, with the hours, against the plan.
 * {@code syncMinutes} of the total went on synchronising the test copy ({@code WorkKind.TEST_COPY_SYNC}):
 * what "all work on the test copy first" costs, shown apart from the rest.
 */
@NamedInterface("ledger")
public record Statement(
        long organizationId,
        String organizationName,
        YearMonth month,
        ContractView contract,
        LedgerMonth ledger,
        List<StatementLine> lines,
        int totalMinutes,
        int syncMinutes) {

    /** The minutes of all other work. */
    public int otherMinutes() {
        return totalMinutes - syncMinutes;
    }
}
