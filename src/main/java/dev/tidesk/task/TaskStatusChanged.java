package dev.tidesk.task;

public record TaskStatusChanged(long taskId, long ticketId, TaskStatus from, TaskStatus to) {
}
