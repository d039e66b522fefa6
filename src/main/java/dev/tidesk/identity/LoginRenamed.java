package dev.tidesk.identity;

/** A contact's login followed their new address; the sessions under the old one end after the commit. */
public record LoginRenamed(long accountId, String from, String to) {}
