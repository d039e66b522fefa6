package dev.tidesk.contract;

import java.util.List;

/** A client's ledger: the contract and its months, oldest first (empty for a one-off client). */
public record ClientLedger(
        long organizationId, String organizationName, ContractView contract, List<LedgerMonth> months) {

    public LedgerMonth last() {
        return months.isEmpty() ? null : months.get(months.size() - 1);
    }
}
