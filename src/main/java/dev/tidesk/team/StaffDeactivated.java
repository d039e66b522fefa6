package dev.tidesk.team;

/**
 * A colleague was deactivated: their login is closed and they leave the rotation. Published in the
 * changing transaction, so that what listens before the commit (routing returning their open
 * requests to the queue) commits with it.
 *
 * @param by the name of whoever did it
 */
public record StaffDeactivated(long staffId, String fullName, String by) {}
