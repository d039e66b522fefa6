package dev.tidesk.ticket;

/** A note for colleagues was written on a request; {@code authorStaffId} is null for the system's own notes. */
public record InternalNoteAdded(long ticketId, String tid, long messageId, Long authorStaffId, String body) {}
