package dev.tidesk.task;

import dev.tidesk.ticket.RequestsMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The specialist tasks of a merged request, their steps and sync suggestions move to the survivor. */
@Component
class MergedRequestTasks {

    private final JdbcTemplate jdbc;

    MergedRequestTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(RequestsMerged event) {
        jdbc.update(
                "update task set ticket_id = ?, tid = ? where ticket_id = ?",
                event.survivorId(),
                event.survivorTid(),
                event.mergedId());
        jdbc.update("update task_history set ticket_id = ? where ticket_id = ?", event.survivorId(), event.mergedId());
        jdbc.update(
                "update task_sync_suggestion set ticket_id = ? where ticket_id = ?",
                event.survivorId(),
                event.mergedId());
    }
}
