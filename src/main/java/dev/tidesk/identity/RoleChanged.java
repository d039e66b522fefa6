package dev.tidesk.identity;

/**
 * A staff login got a role: when it was opened ({@code from} is null) or changed later. Published in
 * the changing transaction, so the audit log and the end of the account's sessions go with it.
 *
 * @param by the login of whoever did it, or {@code "system"}
 */
public record RoleChanged(long accountId, String login, Role from, Role to, String by) {}
