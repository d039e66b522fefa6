/**
 * Routing: the priority order of the unassigned queue (urgency, SLA due time, plan tier, one-off
 * clients last, age), take-next for the first free agent, optional auto-assignment, the personal
 * manager of Premium clients, and the SLA clocks on the installation's working calendar.
 * Keeps its own read model of each client's terms ({@link dev.tidesk.routing.ClientTermsBook}).
 * Publishes {@link dev.tidesk.routing.SlaWarningRaised}. Reads requests only through the ticket
 * module's view {@code ticket_request_v}, with the status sets of {@link dev.tidesk.ticket.Status}.
 *
 * <p>Read models other modules' SQL may query (views of V452, plain projections):
 *
 * <ul>
 *   <li>{@code routing_request_v}: each request's SLA clock: {@code ticket_id}, {@code organization_id},
 *       {@code created_at}, {@code first_response_due_at} and {@code first_response_at},
 *       {@code resolution_due_at}, {@code stopped_at} (resolved or closed; null while it runs);
 *   <li>{@code routing_sla_breach_v}: the deadlines the SLA watch recorded as missed, at most one per
 *       request and kind: {@code ticket_id}, {@code kind} ({@code FIRST_RESPONSE} or {@code RESOLUTION}),
 *       {@code due_at}.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Routing",
        allowedDependencies = {"shared", "ticket", "team", "identity", "customer", "contract"})
package dev.tidesk.routing;
