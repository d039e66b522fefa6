package dev.tidesk.identity;

/** A staff member issued an API token for themselves (its secret is not in here). */
public record ApiTokenIssued(long accountId, String login, long tokenId, String name) {}
