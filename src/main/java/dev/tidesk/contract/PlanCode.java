package dev.tidesk.contract;

/**
 * Which plan a client is on. The catalogue plans are {@link #ECONOMY}, {@link #STANDARD} and
 * {@link #PREMIUM}; {@link #INDIVIDUAL} is a contract with its own terms; {@link #NONE} is a
 * one-off client without an active contract (R7).
 */
public enum PlanCode {
    ECONOMY,
    STANDARD,
    PREMIUM,
    INDIVIDUAL,
    NONE;

    public boolean isCatalogue() {
        return this == ECONOMY || this == STANDARD || this == PREMIUM;
    }
}
