/**
 * Requests (обращения): TID, subject, channel, urgency, status and its transitions, assignee;
 * the conversation (client messages, public staff replies, internal notes), attachments and the
 * history of every change. Publishes {@link dev.tidesk.ticket.RequestCreated},
 * {@link dev.tidesk.ticket.StaffReplied}, {@link dev.tidesk.ticket.ClientReplied} and
 * {@link dev.tidesk.ticket.RequestStatusChanged}.
 *
 * <p>Read models other modules' SQL may query (views of V451; plain projections that PostgreSQL
 * inlines, so the tables' indexes serve them; the tables themselves are this module's alone):
 *
 * <ul>
 *   <li>{@code ticket_request_v}: a request without its text: {@code id}, {@code tid}, {@code subject},
 *       {@code status} (compare it with {@link dev.tidesk.ticket.Status#FINISHED_SQL} and
 *       {@link dev.tidesk.ticket.Status#OUT_OF_QUEUE_SQL}, never with names spelled out), {@code urgency},
 *       {@code channel}, {@code organization_id}, {@code organization_name} and {@code contact_name} (as
 *       on the request), {@code site_id}, {@code assignee_id}, {@code created_at}, {@code first_response_at}
 *       (the first public staff reply), {@code resolved_at};
 *   <li>{@code ticket_message_v}: who wrote what kind of message when, without its text:
 *       {@code ticket_id}, {@code kind} ({@code MessageKind}), {@code author_staff_id} (staff messages),
 *       {@code created_at};
 *   <li>{@code ticket_tag_v}: the tags of each request, {@code ticket_id} and {@code tag};
 *   <li>{@code ticket_rating_v}: the client's answer to "Вопрос решён?", one per request: {@code ticket_id},
 *       {@code good}, {@code rated_at}, {@code agent_id} (who had the request), {@code organization_id}.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Ticket",
        allowedDependencies = {"shared", "customer", "storage"})
package dev.tidesk.ticket;
