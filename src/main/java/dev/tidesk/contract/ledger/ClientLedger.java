package dev.tidesk.contract.ledger;

import dev.tidesk.contract.ContractView;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A client's ledger: the contract and its months, oldest first (empty for a one-off client). */
@NamedInterface("ledger")
public record ClientLedger(
        long organizationId, String organizationName, ContractView contract, List<LedgerMonth> months) {

    public LedgerMonth last() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }
}
