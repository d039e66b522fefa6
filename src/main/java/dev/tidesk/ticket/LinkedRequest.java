package dev.tidesk.ticket;

/** A request linked to another as related, as the request page lists it. */
public record LinkedRequest(long id, String tid, String subject, Status status) {}
