package dev.tidesk.ticket;

public record RequestUrgencyChanged(long ticketId, String tid, Urgency from, Urgency to) {}
