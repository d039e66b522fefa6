package dev.tidesk.ticket;

/**
 * What a merge of {@code merged} into {@code survivor} will move, as the confirmation page shows it
 * (the other modules' rows, norm-hours, tasks and deferrals, are counted by their own facades).
 */
public record MergePlan(TicketView merged, TicketView survivor, int messages, int files, int historyEntries) {}
