package dev.tidesk.contract;

import java.time.Instant;
import java.time.YearMonth;

/** A deferral proposal as pages show it. */
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
        Instant answeredAt) {}
