package dev.tidesk.ticket;

public record RequestStatusChanged(long ticketId, String tid, Status from, Status to) {}
