package dev.tidesk.routing;

/** How close a request is to its SLA deadline. */
public enum SlaState {
    NONE,
    OK,
    WARNING,
    BREACHED
}
