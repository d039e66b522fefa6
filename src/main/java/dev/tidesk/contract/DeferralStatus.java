package dev.tidesk.contract;

/** Where a proposal to do a request next month stands. */
public enum DeferralStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    RETURNED
}
