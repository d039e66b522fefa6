/**
 * Norm-hour entries (нормочасы): staff log how long a request (or a specialist task) took, by day
 * and kind of work. Hours are statistics, never a limit. The facade is {@link dev.tidesk.worklog.WorkLog};
 * every entry carries the request's organization so the contract ledger can sum per client and month
 * without asking the ticket module. Publishes {@link dev.tidesk.worklog.WorkLogged}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Worklog",
        allowedDependencies = {"shared", "ticket"})
package dev.tidesk.worklog;
