/**
 * Requests (обращения): TID, subject, channel, urgency, status and its transitions, assignee;
 * the conversation (client messages, public staff replies, internal notes), attachments and the
 * history of every change. Publishes {@link dev.tidesk.ticket.RequestCreated},
 * {@link dev.tidesk.ticket.StaffReplied}, {@link dev.tidesk.ticket.ClientReplied} and
 * {@link dev.tidesk.ticket.RequestStatusChanged}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Ticket",
        allowedDependencies = {"shared", "customer", "storage"})
package dev.tidesk.ticket;
