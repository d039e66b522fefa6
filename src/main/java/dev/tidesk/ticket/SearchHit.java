package dev.tidesk.ticket;

/** A request found by the search box, with how well it matched. */
public record SearchHit(TicketView ticket, double rank) {}
