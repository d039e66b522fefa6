package dev.tidesk.mail;

public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED,
    /** Not sent on purpose (see {@link OutboxView#note()}); an admin may send it anyway. */
    HELD
}
