package dev.tidesk.task;

/** The change is on the test copy and the client is asked to check it and accept or decline. */
public record TaskAwaitingAcceptance(long taskId, long ticketId, String title) {
}
