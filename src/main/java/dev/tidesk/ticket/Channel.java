package dev.tidesk.ticket;

/** How a request reached support. */
public enum Channel {
    EMAIL,
    PHONE,
    PORTAL,
    API
}
