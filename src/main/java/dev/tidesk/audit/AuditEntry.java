package dev.tidesk.audit;

import java.time.Instant;
import java.util.List;

/** One line of the audit log. {@code actor} is a login, or {@code system}; {@code address} the client's IP. */
public record AuditEntry(
        long id, Instant at, String actor, AuditAction action, String target, String detail, String address) {

    /**
     * The roles a role grant or change is about, as stored in its detail ({@code AGENT -> HEAD}, or
     * {@code HEAD} for a grant), so that pages and exports name them in words; empty for other
     * entries.
     */
    public List<String> roles() {
        if ((action == AuditAction.ROLE_GRANTED || action == AuditAction.ROLE_CHANGED)
                && detail != null
                && detail.matches("[A-Z_]+( -> [A-Z_]+)?")) {
            return List.of(detail.split(" -> "));
        }
        return List.of();
    }
}
