package dev.tidesk.ticket;

public record ClientReplied(long ticketId, String tid, long messageId) {
}
