package dev.tidesk.audit;

import java.time.Instant;

/** One line of the audit log. {@code actor} is a login, or {@code system}; {@code address} the client's IP. */
public record AuditEntry(
        long id, Instant at, String actor, AuditAction action, String target, String detail, String address) {}
