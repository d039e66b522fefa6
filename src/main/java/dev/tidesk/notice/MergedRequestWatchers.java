package dev.tidesk.notice;

import dev.tidesk.ticket.RequestsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Whoever watched a merged request watches the survivor: the client's next replies land there. */
@Component
class MergedRequestWatchers {

    private final JdbcTemplate jdbc;

    MergedRequestWatchers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RequestsMerged event) {
        jdbc.update("""
                insert into request_watcher (ticket_id, staff_id, since)
                select ?, staff_id, since from request_watcher where ticket_id = ? on conflict do nothing""", event.survivorId(), event.mergedId());
    }
}
