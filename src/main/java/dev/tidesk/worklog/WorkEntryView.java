package dev.tidesk.worklog;

import java.time.Instant;
import java.time.LocalDate;

/** A norm-hour entry as pages and the ledger read it. */
public record WorkEntryView(
        long id,
        long ticketId,
        Long taskId,
        Long organizationId,
        long staffId,
        String staffName,
        LocalDate day,
        int minutes,
        WorkKind kind,
        String comment,
        Instant createdAt,
        Instant updatedAt) {}
