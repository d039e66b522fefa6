package dev.tidesk.task;

/**
 * A suggested norm-hour entry "test-copy sync" after a task of a test-copy-only contract was
 * deployed: the request, the task and the default duration; the specialist confirms or dismisses it.
 */
public record SyncSuggestion(long taskId, long ticketId, String tid, String taskTitle, int minutes) {}
