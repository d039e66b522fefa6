package dev.tidesk.task;

import java.time.Instant;

/**
 * The change is on the test copy and the client is asked to check it and accept or decline. The
 * {@code token} of the e-mail link is in the event only; the task module stores its hash.
 */
public record TaskAwaitingAcceptance(long taskId, long ticketId, String title, String token, Instant linkExpiresAt) {}
