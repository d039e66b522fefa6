package dev.tidesk.ticket;

import dev.tidesk.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The request lists staff keep: their own, and shared ones that every colleague sees. */
@Service
public class SavedViews {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SavedViews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Shared lists first, then this person's, by name. */
    public List<SavedView> of(long staffId) {
        return jdbc.query(
                """
                select id, owner_id, name, query from saved_view where owner_id is null or owner_id = ?
                order by owner_id nulls first, lower(name), id""",
                (rs, i) -> new SavedView(
                        rs.getLong("id"),
                        rs.getObject("owner_id", Long.class),
                        rs.getString("name"),
                        rs.getString("query")),
                staffId);
    }

    @Transactional
    public long save(long staffId, String name, String query, boolean shared, boolean mayShare) {
        if (shared && !mayShare) {
            throw new AccessDeniedException("Only the head and admins share lists");
        }
        return jdbc.queryForObject(
                "insert into saved_view (owner_id, name, query, created_at) values (?, ?, ?, ?) returning id",
                Long.class,
                shared ? null : staffId,
                name.strip(),
                query,
                Timestamp.from(Instant.now(clock)));
    }

    @Transactional
    public void delete(long id, long staffId, boolean mayShare) {
        SavedView view = of(staffId).stream()
                .filter(v -> v.id() == id)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No list " + id));
        if (view.shared() && !mayShare) {
            throw new AccessDeniedException("Only the head and admins remove shared lists");
        }
        jdbc.update("delete from saved_view where id = ?", id);
    }
}
