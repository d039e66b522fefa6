package dev.tidesk.identity;

/**
 * A password was set for its owner, through an e-mailed link or by an admin. Whoever was signed in
 * as {@code login} (with the old password, or a stolen session) must be signed out. Published in
 * the resetting transaction.
 */
public record PasswordReset(long accountId, String login) {}
