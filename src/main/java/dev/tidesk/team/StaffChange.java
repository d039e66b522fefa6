package dev.tidesk.team;

import java.time.Instant;

/**
 * One change of a colleague: {@code field} names a {@code staff.field.*} message key (name, role,
 * specialty, active).
 */
public record StaffChange(Instant at, String actor, String field, String fromValue, String toValue) {}
