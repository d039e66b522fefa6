package dev.tidesk.team;

/**
 * A staff member's availability changed (on the workspace's status switch). Published in the
 * changing transaction, so what listens before the commit (routing releasing the requests held for
 * a personal manager who went away) commits with it.
 */
public record AvailabilityChanged(long staffId, String fullName, Availability from, Availability to) {}
