package dev.tidesk.ticket;

public enum Urgency {
    CRITICAL,
    HIGH,
    NORMAL,
    LOW
}
