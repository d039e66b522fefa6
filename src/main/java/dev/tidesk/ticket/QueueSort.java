package dev.tidesk.ticket;

import org.springframework.data.domain.Sort;

/** How a queue view is ordered. */
public enum QueueSort {
    /**
     * The routing module's priority order (urgency, SLA due time, plan tier, age) for the
     * unassigned queue; elsewhere it falls back to urgency.
     */
    PRIORITY(Sort.by("urgencyRank", "createdAt", "id")),
    /** Most urgent first, then the oldest. */
    URGENCY(Sort.by("urgencyRank", "createdAt", "id")),
    /** The oldest first. */
    AGE(Sort.by("createdAt", "id")),
    /** The newest first. */
    NEWEST(Sort.by(Sort.Direction.DESC, "createdAt", "id")),
    /** Recently changed first. */
    UPDATED(Sort.by(Sort.Direction.DESC, "updatedAt", "id"));

    private final Sort sort;

    QueueSort(Sort sort) {
        this.sort = sort;
    }

    Sort sort() {
        return sort;
    }
}
