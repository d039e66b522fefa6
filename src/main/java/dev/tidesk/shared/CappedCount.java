package dev.tidesk.shared;

/**
 * A count that stopped at its cap: counting every row of a big backlog (requests, mail) costs
 * seconds, so past {@code cap} the pages say "more than" (or "999+") instead of the number.
 * {@code counted} is at most {@code cap + 1}.
 */
public record CappedCount(long counted, long cap) {

    /** Whether there were more than {@code cap}: then the number is not known. */
    public boolean more() {
        return counted > cap;
    }
}
