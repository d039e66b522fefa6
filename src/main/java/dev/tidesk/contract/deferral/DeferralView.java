package dev.tidesk.contract.deferral;

import java.time.Instant;
import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/** A deferral proposal as pages show it. */
@NamedInterface("deferral")
public record DeferralView(
        long id,
        long ticketId,
        long organizationId,
        YearMonth targetMonth,
        DeferralStatus status,
        Instant expiresAt,
        String proposedBy,
        Instant proposedAt,
        String answeredBy,
        Instant answeredAt) {

    /** The link's time to answer is over at {@code now}. */
    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Proposed and still within its time: the client may answer it at {@code now}. */
    public boolean awaitsAnswerAt(Instant now) {
        return status == DeferralStatus.PROPOSED && !expiredAt(now);
    }
}
