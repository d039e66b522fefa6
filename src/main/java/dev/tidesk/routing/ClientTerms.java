package dev.tidesk.routing;

/**
 * What routing knows of a client's terms. {@code tierRank}: 0 Premium, 1 Standard, 2 Economy.
 * Target hours are business hours; null means no target.
 */
public record ClientTerms(
        long organizationId,
        int tierRank,
        Long personalManagerId,
        Integer firstResponseHours,
        Integer resolutionHours,
        boolean testCopyOnly) {

    /** The queue rank of a client without terms: a one-off client, after every plan. */
    public static final int ONE_OFF = 9;
}
