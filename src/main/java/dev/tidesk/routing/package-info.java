/**
 * Routing: the priority order of the unassigned queue (urgency, SLA due time, plan tier, one-off
 * clients last, age), take-next for the first free agent, optional auto-assignment, the personal
 * manager of Premium clients, and the SLA clocks on the installation's working calendar.
 * Keeps its own read model of each client's terms ({@link dev.tidesk.routing.ClientTermsBook}).
 * Publishes {@link dev.tidesk.routing.SlaWarningRaised}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Routing",
        allowedDependencies = {"shared", "ticket", "team", "identity", "customer", "contract"})
package dev.tidesk.routing;
