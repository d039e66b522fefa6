package dev.tidesk.contract;

/** One request of a monthly statement with the minutes logged on it in that month. */
public record StatementLine(long ticketId, String tid, String subject, String status, int minutes) {
}
