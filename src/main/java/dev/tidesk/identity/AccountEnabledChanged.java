package dev.tidesk.identity;

/**
 * A login was closed (its owner deactivated) or opened again. Published in the changing transaction; the sessions signed in under {@code login} end
 * once it commits.
 */
public record AccountEnabledChanged(long accountId, String login, boolean enabled) {}
