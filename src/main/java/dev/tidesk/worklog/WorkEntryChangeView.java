package dev.tidesk.worklog;

import java.time.Instant;
import java.time.LocalDate;

/** One line of an entry's history: the values it had after the change, and who made it. */
public record WorkEntryChangeView(
        long entryId,
        Instant at,
        String actor,
        String action,
        LocalDate day,
        int minutes,
        WorkKind kind,
        String comment) {}
