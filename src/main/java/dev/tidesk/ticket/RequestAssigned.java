package dev.tidesk.ticket;

public record RequestAssigned(long ticketId, String tid, Long assigneeId, Long byStaffId) {}
