package dev.tidesk.worklog;

import dev.tidesk.ticket.RequestsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The norm-hours of a merged request move to the survivor, in the merge's transaction. Both are the
 * same organization's, so the month totals and the ledger stay as they were.
 */
@Component
class MergedRequestWork {

    private final JdbcTemplate jdbc;

    MergedRequestWork(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RequestsMerged event) {
        jdbc.update("update work_entry set ticket_id = ? where ticket_id = ?", event.survivorId(), event.mergedId());
    }
}
