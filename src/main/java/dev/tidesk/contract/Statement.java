package dev.tidesk.contract;

import java.time.YearMonth;
import java.util.List;

/** The monthly statement: what was done for the client in a month, with the hours, against the plan. */
public record Statement(long organizationId, String organizationName, YearMonth month, ContractView contract,
        LedgerMonth ledger, List<StatementLine> lines, int totalMinutes) {
}
