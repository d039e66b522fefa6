package dev.tidesk.contract.deferral;

import org.springframework.modulith.NamedInterface;

/** Where a proposal to do a request next month stands. */
@NamedInterface("deferral")
public enum DeferralStatus {
    PROPOSED,
    ACCEPTED,
    DECLINED,
    RETURNED
}
