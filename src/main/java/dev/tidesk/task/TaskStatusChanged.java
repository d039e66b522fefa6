package dev.tidesk.task;

/**
 * A task moved on. {@code byStaffId} is the staff member who moved it, or null when the client did
 * (accepting or declining the change on the test copy).
 */
public record TaskStatusChanged(long taskId, long ticketId, TaskStatus from, TaskStatus to, Long byStaffId) {}
