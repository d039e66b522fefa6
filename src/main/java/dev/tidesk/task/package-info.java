/**
 * Specialist tasks (R13) of a request: specialty, assignee, estimate, environment (live site or
 * test copy, R14) and the statuses from TODO to DONE, with the client's acceptance on the test
 * copy (by the portal or a single-use e-mail link), and a suggested test-copy sync entry after a
 * deploy for test-copy-only contracts (logged through the worklog). Publishes {@link dev.tidesk.task.TaskAwaitingAcceptance}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Task",
        allowedDependencies = {"shared", "ticket", "team", "identity", "routing", "worklog"})
package dev.tidesk.task;
