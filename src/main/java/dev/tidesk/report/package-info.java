/**
 * The read side: statistics for the head's dashboard and the reports (volume, staff activity,
 * response times, norm-hour load, SLA met and breached per plan and per agent, client
 * utilisation), aggregated in PostgreSQL with GROUP BY over indexed time ranges, and their export to
 * CSV and XLSX. {@link dev.tidesk.report.Reports} is the API (each report by name); pages read them
 * through {@link dev.tidesk.report.ReportSnapshots}, which keeps a computed report a minute.
 *
 * <p>What it reads of other modules, and only through these (each report's class names its own;
 * {@code CrossModuleSqlTests} fails on SQL that names another module's table):
 *
 * <ul>
 *   <li>contract: the {@code Ledgers} API (utilisation, clients over plan) and the views
 *       {@code contract_client_plan_v} (the plan each client is on today), {@code contract_deferral_v}
 *       and {@code contract_closed_month_v} (whether any month is closed);
 *   <li>ticket: the views {@code ticket_request_v} (served by the ticket table's report indexes
 *       {@code ticket_created_report_idx}, {@code ticket_resolved_idx}, {@code ticket_open_status_idx}),
 *       {@code ticket_message_v} (by {@code ticket_message_created_idx}), {@code ticket_tag_v} and
 *       {@code ticket_rating_v}; the open and finished status sets come from {@code Status};
 *   <li>routing: the views {@code routing_request_v} (by {@code routing_request_created_idx}) and
 *       {@code routing_sla_breach_v} (the SLA reports);
 *   <li>worklog: the view {@code worklog_entry_v} (by {@code work_entry_day_idx});
 *   <li>team and customer: names only, through {@code team_staff_v}, {@code customer_organization_v}
 *       and {@code customer_site_v}.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Report",
        allowedDependencies = {"shared", "contract", "contract::ledger", "ticket"})
package dev.tidesk.report;
