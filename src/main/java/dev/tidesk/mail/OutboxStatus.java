package dev.tidesk.mail;

public enum OutboxStatus {
    PENDING, SENT, FAILED
}
