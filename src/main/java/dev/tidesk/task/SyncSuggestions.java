package dev.tidesk.task;

import dev.tidesk.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The table of suggested test-copy sync entries; each task has at most one, resolved once. */
@Component
class SyncSuggestions {

    private final JdbcTemplate jdbc;

    SyncSuggestions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void suggest(long taskId, long ticketId, long assigneeId, int minutes, Instant now) {
        jdbc.update("""
                insert into task_sync_suggestion (task_id, ticket_id, assignee_id, status, minutes, created_at)
                values (?, ?, ?, 'SUGGESTED', ?, ?) on conflict (task_id) do nothing""", taskId, ticketId, assigneeId, minutes, java.sql.Timestamp.from(now));
    }

    /** Marks the open suggestion resolved; refuses when there is none (resolved already, or never made). */
    void resolve(long taskId, String status, String who, Long workEntryId, Instant now) {
        int changed = jdbc.update("""
                update task_sync_suggestion set status = ?, resolved_by = ?, resolved_at = ?, work_entry_id = ?
                where task_id = ? and status = 'SUGGESTED'""", status, who, java.sql.Timestamp.from(now), workEntryId, taskId);
        if (changed != 1) {
            throw new DomainException("task.sync.gone", "This suggestion was confirmed or dismissed already");
        }
    }

    boolean open(long taskId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from task_sync_suggestion where task_id = ? and status = 'SUGGESTED')",
                Boolean.class,
                taskId));
    }

    List<SyncSuggestion> ofTicket(long ticketId) {
        return jdbc.query(
                """
                select s.task_id, s.ticket_id, t.tid, t.title, s.minutes from task_sync_suggestion s
                join task t on t.id = s.task_id where s.ticket_id = ? and s.status = 'SUGGESTED' order by s.task_id""",
                (rs, i) -> new SyncSuggestion(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                ticketId);
    }

    List<SyncSuggestion> ofAssignee(long staffId) {
        return jdbc.query(
                """
                select s.task_id, s.ticket_id, t.tid, t.title, s.minutes from task_sync_suggestion s
                join task t on t.id = s.task_id where s.assignee_id = ? and s.status = 'SUGGESTED' order by s.created_at""",
                (rs, i) -> new SyncSuggestion(
                        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5)),
                staffId);
    }
}
