/**
 * The read side: statistics for the head's dashboard and the reports (volume, staff activity,
 * response times, norm-hour load, SLA met and breached per plan and per agent, client
 * utilisation), aggregated in PostgreSQL with GROUP BY over indexed time ranges and the summary
 * tables the other modules keep ({@code work_month}, {@code ledger_month}), and their export to
 * CSV and XLSX. Client utilisation comes from the contract module's ledger.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Report",
        allowedDependencies = {"shared", "contract", "contract::ledger", "ticket"})
package dev.tidesk.report;
