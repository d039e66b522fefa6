/**
 * The read side: statistics for the head's dashboard and the reports (volume, staff activity,
 * response times, norm-hour load, SLA met and breached per plan and per agent, client
 * utilisation), aggregated in PostgreSQL with GROUP BY over indexed time ranges, and their export to
 * CSV and XLSX. {@link dev.tidesk.report.Reports} is the API (each report by name); pages read them
 * through {@link dev.tidesk.report.ReportSnapshots}, which keeps a computed report a minute.
 *
 * <p>What it reads of other modules, and only through these (each report's class names its own):
 *
 * <ul>
 *   <li>contract: the {@code Ledgers} API (utilisation, clients over plan), the view
 *       {@code report_client_plan} (the plan each client is on today, V411), {@code deferral} and
 *       whether any {@code ledger_month} is closed;
 *   <li>ticket: {@code ticket} by its report indexes ({@code ticket_created_report_idx},
 *       {@code ticket_resolved_idx}, {@code ticket_open_status_idx}), {@code ticket_message} by
 *       {@code ticket_message_created_idx}, {@code ticket_tag}, {@code request_rating}; the open and
 *       finished status sets come from {@code Status};
 *   <li>routing: {@code routing_request} and {@code sla_breach} (the SLA reports);
 *   <li>worklog: {@code work_entry} by {@code work_entry_day_idx};
 *   <li>team and customer: names only ({@code staff.full_name}, {@code organization.name},
 *       {@code site.live_url}).
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Report",
        allowedDependencies = {"shared", "contract", "contract::ledger", "ticket"})
package dev.tidesk.report;
