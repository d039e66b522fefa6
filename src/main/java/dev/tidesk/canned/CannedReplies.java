package dev.tidesk.canned;

import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canned replies a staff member may use (their own and the shared ones) and their signature.
 * Anyone keeps personal replies; shared ones are kept by the head and the admins.
 */
@Service
public class CannedReplies {

    /** The most replies the picker offers for what was typed. */
    static final int PICK = 8;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CannedReplies(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Shared replies first, then this person's own, by title. */
    public List<CannedReplyView> available(long staffId) {
        return jdbc.query("""
                select id, owner_id, language, title, body from canned_reply
                where owner_id is null or owner_id = ? order by owner_id nulls first, lower(title), id""", CannedReplies::map, staffId);
    }

    /**
     * The replies whose title or text contains what was typed after "/" in the reply box, those in
     * the client's language first.
     */
    public List<CannedReplyView> pick(long staffId, String typed, String language) {
        String like = dev.tidesk.shared.LikePattern.containing(typed);
        return jdbc.query("""
                select id, owner_id, language, title, body from canned_reply
                where (owner_id is null or owner_id = ?) and (lower(title) like ? or lower(body) like ?)
                order by (language = ?) desc, lower(title), id limit ?""", CannedReplies::map, staffId, like, like, language == null ? "ru" : language, PICK);
    }

    /** One reply this person may use; someone else's personal reply is not found. */
    public CannedReplyView usable(long id, long staffId) {
        return jdbc.query("""
                select id, owner_id, language, title, body from canned_reply
                where id = ? and (owner_id is null or owner_id = ?)""", CannedReplies::map, id, staffId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No canned reply " + id));
    }

    @Transactional
    public CannedReplyView save(Long id, CannedReplyDraft draft, TideskUser by) {
        if (draft.shared() && !mayShare(by)) {
            throw new AccessDeniedException("Only the head and admins keep shared replies");
        }
        Long owner = draft.shared() ? null : by.staffId();
        if (owner == null && !draft.shared()) {
            throw new DomainException("canned.error.noStaff", "Only staff members keep canned replies");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (id == null) {
            Long created = jdbc.queryForObject(
                    """
                    insert into canned_reply (owner_id, language, title, body, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?) returning id""", Long.class, owner, draft.language(), draft.title().trim(), draft.body(), now, now);
            return usable(created, by.staffId());
        }
        CannedReplyView existing = editable(id, by);
        jdbc.update(
                "update canned_reply set owner_id = ?, language = ?, title = ?, body = ?, updated_at = ? where id = ?",
                owner,
                draft.language(),
                draft.title().trim(),
                draft.body(),
                now,
                existing.id());
        return usable(id, by.staffId());
    }

    @Transactional
    public void delete(long id, TideskUser by) {
        jdbc.update("delete from canned_reply where id = ?", editable(id, by).id());
    }

    /** A reply this person may change: their own, or a shared one if they keep shared replies. */
    public CannedReplyView editable(long id, TideskUser by) {
        CannedReplyView reply = usable(id, by.staffId());
        if (reply.shared() && !mayShare(by)) {
            throw new AccessDeniedException("Only the head and admins change shared replies");
        }
        return reply;
    }

    public boolean mayShare(TideskUser user) {
        return user.hasRole(Role.HEAD, Role.ADMIN);
    }

    public Optional<String> signature(long staffId) {
        return jdbc.queryForList("select body from reply_signature where staff_id = ?", String.class, staffId).stream()
                .filter(s -> !s.isBlank())
                .findFirst();
    }

    @Transactional
    public void changeSignature(long staffId, String body) {
        if (body == null || body.isBlank()) {
            jdbc.update("delete from reply_signature where staff_id = ?", staffId);
            return;
        }
        jdbc.update("""
                insert into reply_signature (staff_id, body, updated_at) values (?, ?, ?)
                on conflict (staff_id) do update set body = excluded.body, updated_at = excluded.updated_at""", staffId, body.strip(), Timestamp.from(Instant.now(clock)));
    }

    /** A client reply with the author's signature under it, set apart as mail clients expect. */
    public String signed(String body, long staffId) {
        return signature(staffId)
                .map(s -> body.stripTrailing() + "\n\n-- \n" + s)
                .orElse(body);
    }

    private static CannedReplyView map(ResultSet rs, int row) throws SQLException {
        Long owner = rs.getObject("owner_id", Long.class);
        return new CannedReplyView(
                rs.getLong("id"), owner, rs.getString("language"), rs.getString("title"), rs.getString("body"));
    }
}
