package dev.tidesk.ticket;

/**
 * A request was merged into another (the survivor). Published inside the merge's transaction:
 * each module moves its rows of the merged request (norm-hours, tasks, deferrals, mail threading)
 * to the survivor in a plain {@code @EventListener}, so the merge is all or nothing.
 */
public record RequestsMerged(
        long mergedId, String mergedTid, long survivorId, String survivorTid, Long organizationId, Long staffId) {}
