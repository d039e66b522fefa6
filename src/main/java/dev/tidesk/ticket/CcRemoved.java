package dev.tidesk.ticket;

/** Someone was taken off a request's CC list: they no longer get its mail, nor write into it by mail. */
public record CcRemoved(long ticketId, String address) {}
