package dev.tidesk.identity;

/**
 * Someone changed their own password (knowing the current one). Their other sessions end; the one
 * they did it in stays. Published in the changing transaction.
 */
public record PasswordChanged(long accountId, String login) {}
