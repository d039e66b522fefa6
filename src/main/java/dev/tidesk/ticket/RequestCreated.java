package dev.tidesk.ticket;

/** A request was opened; {@code byStaffId} is the staff member who recorded it (a call), or null. */
public record RequestCreated(long ticketId, String tid, Long contactId, Channel channel, Long byStaffId) {}
