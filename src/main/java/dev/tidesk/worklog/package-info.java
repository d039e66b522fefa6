/**
 * Norm-hour entries (нормочасы): staff log how long a request (or a specialist task) took, by day
 * and kind of work. Hours are statistics, never a limit. The facade is {@link dev.tidesk.worklog.WorkLog};
 * every entry carries the request's organization so the contract ledger can sum per client and month
 * without asking the ticket module. Publishes {@link dev.tidesk.worklog.WorkLogged}.
 *
 * <p>Read model other modules' SQL may query (V453): {@code worklog_entry_v}, the entries without
 * their comments: {@code ticket_id}, {@code organization_id}, {@code staff_id}, {@code day},
 * {@code kind} ({@code WORK}, {@code CONSULTATION}, {@code TEST_COPY_SYNC}, {@code DEPLOY}) and
 * {@code minutes}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Worklog",
        allowedDependencies = {"shared", "ticket"})
package dev.tidesk.worklog;
