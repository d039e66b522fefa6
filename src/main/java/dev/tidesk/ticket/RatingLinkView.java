package dev.tidesk.ticket;

import java.time.Instant;

/** The rating link of a resolution mail: its request, whether it was used, and until when it works. */
public record RatingLinkView(long ticketId, Instant expiresAt, Instant usedAt) {

    public boolean usable(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }

    /** USED, EXPIRED or USABLE: why a link does (not) work, for the page's message. */
    public String state(Instant now) {
        return usedAt != null ? "USED" : expiresAt.isAfter(now) ? "USABLE" : "EXPIRED";
    }
}
