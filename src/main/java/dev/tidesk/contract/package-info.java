/**
 * Plans (тарифы), contracts (договоры), their terms and SLA targets, the monthly norm-hour ledger
 * with its close, overrun and trial recommendations, and deferrals to next month (R6-R11).
 *
 * <p>API for other modules: this package ({@link dev.tidesk.contract.Contracts#termsOf(long,
 * java.time.LocalDate)} returns {@link dev.tidesk.contract.ContractTerms}; {@link
 * dev.tidesk.contract.ContractTermsChanged} is published whenever those terms change) and three named
 * interfaces, each the types marked {@code @NamedInterface} in its sub-package:
 *
 * <ul>
 *   <li>{@code contract::ledger}: the monthly norm-hour ledger ({@link
 *       dev.tidesk.contract.ledger.Ledgers}), its close ({@link dev.tidesk.contract.ledger.MonthlyClose},
 *       {@link dev.tidesk.contract.ledger.MonthClosed}), statements and acts;
 *   <li>{@code contract::deferral}: deferrals of work to next month ({@link
 *       dev.tidesk.contract.deferral.Deferrals});
 *   <li>{@code contract::alert}: plan alerts ({@link dev.tidesk.contract.alert.PlanAlerts}).
 * </ul>
 *
 * <p>{@code contract.terms} holds the contract, plan and terms-period entities; it is internal.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Contract",
        allowedDependencies = {"shared", "customer", "team", "ticket", "worklog"})
package dev.tidesk.contract;
