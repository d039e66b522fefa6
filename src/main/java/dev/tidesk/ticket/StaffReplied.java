package dev.tidesk.ticket;

public record StaffReplied(long ticketId, String tid, long messageId) {}
