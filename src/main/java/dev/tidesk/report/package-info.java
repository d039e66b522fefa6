/**
 * The read side: statistics for the head's dashboard and the reports (volume, staff activity,
 * response times), aggregated in PostgreSQL with GROUP BY over indexed time ranges, and their
 * export to CSV and XLSX. Client utilisation, norm-hour load and SLA targets per plan join here
 * when the contract and worklog modules land.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report", allowedDependencies = "shared")
package dev.tidesk.report;
