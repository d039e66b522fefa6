package dev.tidesk.ticket;

/** The client wrote again on a request; {@code files} is how many files came with the message. */
public record ClientReplied(long ticketId, String tid, long messageId, int files) {}
