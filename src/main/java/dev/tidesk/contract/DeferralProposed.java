package dev.tidesk.contract;

import java.time.Instant;
import java.time.YearMonth;

/**
 * Staff proposed to do a request next month; the mail module sends the client the accept and
 * decline links. {@code token} is the secret of those links: it exists only in this event and
 * the e-mail, never in the database (which keeps its hash).
 */
public record DeferralProposed(
        long deferralId, long ticketId, YearMonth targetMonth, String token, Instant expiresAt) {}
