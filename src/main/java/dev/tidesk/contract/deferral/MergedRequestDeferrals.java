package dev.tidesk.contract.deferral;

import dev.tidesk.ticket.RequestsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The deferrals of a merged request (proposed, answered or returned) move to the survivor. */
@Component
class MergedRequestDeferrals {

    private final JdbcTemplate jdbc;

    MergedRequestDeferrals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RequestsMerged event) {
        jdbc.update("update deferral set ticket_id = ? where ticket_id = ?", event.survivorId(), event.mergedId());
    }
}
