package dev.tidesk.routing;

import java.time.Instant;

/**
 * A request's SLA deadline is near. {@code kind} is FIRST_RESPONSE or RESOLUTION; the assignee
 * may be null (nobody has taken it yet).
 */
public record SlaWarningRaised(long ticketId, String kind, Instant dueAt, Long assigneeId) {}
