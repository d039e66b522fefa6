package dev.tidesk.task;

import java.time.Instant;

/** One step in a task's history. */
public record TaskStep(
        long taskId, String title, Instant at, String actor, TaskStatus from, TaskStatus to, String comment) {}
