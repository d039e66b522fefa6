/**
 * Plans (тарифы), contracts (договоры), their terms and SLA targets, the monthly norm-hour ledger
 * with its close, overrun and trial recommendations, and deferrals to next month (R6-R11).
 *
 * <p>API for other modules: {@link dev.tidesk.contract.Contracts#termsOf(long, java.time.LocalDate)}
 * returns {@link dev.tidesk.contract.ContractTerms}, and {@link dev.tidesk.contract.ContractTermsChanged}
 * is published whenever those terms change. {@link dev.tidesk.contract.Ledgers} reads the ledger,
 * {@link dev.tidesk.contract.MonthlyClose} freezes a month.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Contract",
        allowedDependencies = {"shared", "customer", "team", "ticket", "worklog"})
package dev.tidesk.contract;
