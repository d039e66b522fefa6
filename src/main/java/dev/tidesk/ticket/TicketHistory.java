package dev.tidesk.ticket;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** One change of a request: who, when, which field, from what, to what. */
@Entity
class TicketHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long ticketId;
    private Instant at;
    private String actor;
    private String field;
    private String fromValue;
    private String toValue;

    protected TicketHistory() {}

    TicketHistory(String actor, Instant at, String field, String fromValue, String toValue) {
        this.actor = actor;
        this.at = at;
        this.field = field;
        this.fromValue = fromValue;
        this.toValue = toValue;
    }

    void belongTo(long ticketId) {
        this.ticketId = ticketId;
    }

    HistoryEntry view() {
        return new HistoryEntry(at, actor, field, fromValue, toValue);
    }
}
