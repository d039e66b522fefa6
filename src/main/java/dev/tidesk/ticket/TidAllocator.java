package dev.tidesk.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out TID numbers from a PostgreSQL sequence: unique and increasing, and no creator waits
 * for another's transaction. A request whose transaction rolls back leaves its number unused
 * (see {@code V007__ticket_number_sequence.sql} for why that trade was made).
 */
@Component
class TidAllocator {

    private final JdbcTemplate jdbc;
    private final TicketSettings settings;

    TidAllocator(JdbcTemplate jdbc, TicketSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long nextNumber() {
        Long number = jdbc.queryForObject("select nextval('ticket_number_seq')", Long.class);
        if (number == null) {
            throw new IllegalStateException("TID sequence is missing");
        }
        return number;
    }

    String tid(long number) {
        return settings.tidPrefix() + number;
    }
}
