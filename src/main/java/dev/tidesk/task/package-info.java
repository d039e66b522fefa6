/**
 * Specialist tasks (R13) of a request: specialty, assignee, estimate, environment (live site or
 * test copy, R14) and the statuses from TODO to DONE, with the client's acceptance on the test
 * copy. Publishes {@link dev.tidesk.task.TaskAwaitingAcceptance}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Task",
        allowedDependencies = { "shared", "ticket", "team", "identity", "routing" })
package dev.tidesk.task;
