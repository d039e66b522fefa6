package dev.tidesk.ticket;

import java.time.Instant;

/** The client's answer to "Вопрос решён?" on a request. */
public record RatingView(long ticketId, boolean good, String comment, Instant ratedAt, String ratedBy) {

    /** GOOD or BAD, for message keys and CSS classes. */
    public String grade() {
        return good ? "GOOD" : "BAD";
    }
}
