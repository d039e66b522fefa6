package dev.tidesk.contract.deferral;

import java.time.Instant;
import java.time.YearMonth;
import org.springframework.modulith.NamedInterface;

/**
 * Staff proposed to do a request next month; the mail module sends the client the accept and
 * decline links. {@code token} is the secret of those links: it exists only in this event and
 * the e-mail, never in the database (which keeps its hash).
 */
@NamedInterface("deferral")
public record DeferralProposed(
        long deferralId, long ticketId, YearMonth targetMonth, String token, Instant expiresAt) {}
