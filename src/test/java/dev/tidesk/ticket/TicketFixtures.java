package dev.tidesk.ticket;

import java.time.Instant;
import org.springframework.test.util.ReflectionTestUtils;

/** Builds requests in any status by going through the aggregate's own transitions. */
final class TicketFixtures {

    static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");

    private TicketFixtures() {}

    static Ticket newTicket() {
        Ticket ticket = new Ticket(
                10001,
                "TID-10001",
                "Форма не работает",
                new Requester(1L, "ООО Ромашка", 2L, "Иван Петров", "ivan@romashka.example"),
                null,
                Channel.PORTAL,
                Urgency.NORMAL,
                Actor.contact(2, "Иван Петров"),
                NOW);
        ReflectionTestUtils.setField(ticket, "id", 1L);
        return ticket;
    }

    static Ticket ticketIn(Status status) {
        Ticket ticket = newTicket();
        Actor actor = Actor.system();
        switch (status) {
            case NEW -> {}
            case CLOSED -> ticket.changeStatus(Status.CLOSED, actor, NOW);
            default -> ticket.changeStatus(status, actor, NOW);
        }
        ticket.drainChanges();
        return ticket;
    }
}
