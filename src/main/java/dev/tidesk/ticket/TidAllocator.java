package dev.tidesk.ticket;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out TID numbers without gaps. The counter row is locked by the update until the
 * creating transaction ends: concurrent requests queue on it, and a rollback returns the number.
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
        Long number = jdbc.queryForObject("update tid_counter set last_number = last_number + 1 where id = 1 returning last_number",
                Long.class);
        if (number == null) {
            throw new IllegalStateException("TID counter is missing");
        }
        return number;
    }

    String tid(long number) {
        return settings.tidPrefix() + number;
    }
}
