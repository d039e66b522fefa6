package dev.tidesk.ticket;

public record RequestCreated(long ticketId, String tid, Long contactId, Channel channel) {
}
