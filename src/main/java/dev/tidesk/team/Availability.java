package dev.tidesk.team;

public enum Availability {
    AVAILABLE,
    BUSY,
    AWAY
}
