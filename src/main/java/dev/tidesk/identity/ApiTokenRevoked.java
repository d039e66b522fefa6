package dev.tidesk.identity;

/** A staff member revoked one of their API tokens. */
public record ApiTokenRevoked(long accountId, String login, long tokenId, String name) {}
