package dev.tidesk.ticket;

import java.time.Instant;

public record HistoryEntry(Instant at, String actor, String field, String fromValue, String toValue) {}
