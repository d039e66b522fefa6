package dev.tidesk.audit;

import java.time.LocalDate;

/** What the admin's audit page narrows to; every part may be empty. */
public record AuditFilter(LocalDate from, LocalDate to, AuditAction action, String actor, String text) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
