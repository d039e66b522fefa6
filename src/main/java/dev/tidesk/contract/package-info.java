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
 *
 * <p>Read models other modules' SQL may query (views of V456):
 *
 * <ul>
 *   <li>{@code contract_client_plan_v}: every organization with the plan it is on today,
 *       {@code organization_id} and {@code plan_code} (the plan of its running contract's terms in
 *       force, {@code NONE} for a one-off client);
 *   <li>{@code contract_deferral_v}: requests proposed for a later month: {@code ticket_id},
 *       {@code organization_id}, {@code status} ({@code PROPOSED}, {@code ACCEPTED}, {@code DECLINED},
 *       {@code RETURNED}) and {@code target_month} (its first day);
 *   <li>{@code contract_closed_month_v}: the closed months of the ledger, {@code contract_id} and
 *       {@code month} (its first day).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Contract",
        allowedDependencies = {"shared", "customer", "team", "ticket", "worklog"})
package dev.tidesk.contract;
