package dev.tidesk.mail;

/** Where an inbound message stands: stored and waiting, done, set aside on purpose, or failed for good. */
public enum InboundStatus {
    RECEIVED,
    PROCESSED,
    IGNORED,
    QUARANTINED
}
