package dev.tidesk.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A tag on a request, mapped for the queries that filter by it ({@link TicketRepository}); written
 * by {@link RequestTags}.
 */
@Entity
@IdClass(TicketTag.Key.class)
class TicketTag {

    @Id
    private Long ticketId;

    @Id
    private String tag;

    private Instant addedAt;

    protected TicketTag() {}

    static class Key implements Serializable {
        private Long ticketId;
        private String tag;

        protected Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(ticketId, k.ticketId) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ticketId, tag);
        }
    }
}
