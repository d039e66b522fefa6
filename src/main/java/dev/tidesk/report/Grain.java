package dev.tidesk.report;

/** How a report groups time. */
public enum Grain {
    WEEK,
    MONTH;

    String sql() {
        return name().toLowerCase();
    }
}
