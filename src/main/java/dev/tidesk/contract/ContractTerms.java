package dev.tidesk.contract;

/**
 * What a client is entitled to on a given day: the answer of
 * {@link Contracts#termsOf(long, java.time.LocalDate)}, for routing, SLA clocks and tasks.
 *
 * @param organizationId     the client organization
 * @param contractId         the contract in force, null for a one-off client
 * @param planCode           ECONOMY, STANDARD, PREMIUM, INDIVIDUAL, or NONE for a one-off client
 * @param tierRank           queue tier, lower first: 0 Premium, 1 Standard, 2 Economy, an individual plan
 *                           its own tier (0-8), {@link #ONE_OFF_TIER} (9) for a one-off client
 * @param personalManagerId  the staff member who is the client's personal manager, null when none
 * @param firstResponseHours first-response target in business hours, null for a one-off client (no target)
 * @param resolutionHours    resolution target in business hours, null for a one-off client (no target)
 * @param testCopyOnly       the client asked for all work to go through the test copy (R14)
 * @param includedMinutes    norm-hours included per month, in minutes (0 for a one-off client)
 */
public record ContractTerms(
        long organizationId,
        Long contractId,
        PlanCode planCode,
        int tierRank,
        Long personalManagerId,
        Integer firstResponseHours,
        Integer resolutionHours,
        boolean testCopyOnly,
        int includedMinutes) {

    public static final int ONE_OFF_TIER = 9;

    public static ContractTerms oneOff(long organizationId) {
        return new ContractTerms(organizationId, null, PlanCode.NONE, ONE_OFF_TIER, null, null, null, false, 0);
    }

    public boolean oneOffClient() {
        return planCode == PlanCode.NONE;
    }
}
