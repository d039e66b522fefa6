package dev.tidesk.notice;

import dev.tidesk.shared.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's notices and the requests they watch. Notices are written by {@link NoticeListeners} in
 * the transaction of the change they tell about; people read them here, only ever their own.
 */
@Service
public class Notices {

    /** The most notices the list shows; older ones stay in the table but off the page. */
    public static final int PAGE = 100;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Notices(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Past this many unread notices the header shows "99+" and counts no further. */
    public static final int COUNT_CAP = 100;

    /**
     * The header's count: unread notices of this person, up to {@link #COUNT_CAP} (a scan of the
     * partial index that stops there, however many an agent who never opens the bell has piled up).
     */
    public long unreadCount(long staffId) {
        Long n = jdbc.queryForObject("""
                select count(*) from (select 1 from notification where recipient_id = ? and read_at is null limit ?) u""", Long.class, staffId, COUNT_CAP);
        return n == null ? 0 : n;
    }

    /** This person's latest notices, newest first. */
    public List<NoticeView> recent(long staffId) {
        return jdbc.query("""
                select id, kind, ticket_id, tid, params, created_at, read_at from notification
                where recipient_id = ? order by created_at desc, id desc limit ?""", Notices::map, staffId, PAGE);
    }

    /** Marks one of this person's notices read and returns it; someone else's is not found. */
    @Transactional
    public NoticeView open(long noticeId, long staffId) {
        jdbc.update(
                "update notification set read_at = ? where id = ? and recipient_id = ? and read_at is null",
                ts(now()),
                noticeId,
                staffId);
        return jdbc.query("""
                select id, kind, ticket_id, tid, params, created_at, read_at from notification
                where id = ? and recipient_id = ?""", Notices::map, noticeId, staffId).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No notice " + noticeId));
    }

    /** Marks every notice of this person read; returns how many were unread. */
    @Transactional
    public int markAllRead(long staffId) {
        return jdbc.update(
                "update notification set read_at = ? where recipient_id = ? and read_at is null", ts(now()), staffId);
    }

    /**
     * This person has the request open: what the bell said about it is read, and its client messages
     * so far are seen. Returns how many notices that read.
     */
    @Transactional
    public int opened(long ticketId, long staffId) {
        Timestamp at = ts(now());
        int read = jdbc.update(
                "update notification set read_at = ? where recipient_id = ? and ticket_id = ? and read_at is null",
                at,
                staffId,
                ticketId);
        jdbc.update("""
                insert into request_seen (staff_id, ticket_id, seen_at) values (?, ?, ?)
                on conflict (staff_id, ticket_id) do update set seen_at = excluded.seen_at""", staffId, ticketId, at);
        return read;
    }

    /**
     * Of these requests, those with a client message this person has not seen: written after they
     * last opened the request, or they never have.
     */
    public Set<Long> unseen(long staffId, Collection<Long> ticketIds) {
        if (ticketIds.isEmpty()) {
            return Set.of();
        }
        return new java.util.HashSet<>(jdbc.queryForList(
                """
                select t.id from unnest(?::bigint[]) as t(id)
                left join request_seen s on s.ticket_id = t.id and s.staff_id = ?
                where exists (select 1 from ticket_message_v m where m.ticket_id = t.id and m.kind = 'CLIENT'
                                and m.created_at > coalesce(s.seen_at, '-infinity'))""",
                Long.class,
                ticketIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")),
                staffId));
    }

    @Transactional
    public void watch(long ticketId, long staffId) {
        jdbc.update(
                "insert into request_watcher (ticket_id, staff_id, since) values (?, ?, ?) on conflict do nothing",
                ticketId,
                staffId,
                ts(now()));
    }

    @Transactional
    public void unwatch(long ticketId, long staffId) {
        jdbc.update("delete from request_watcher where ticket_id = ? and staff_id = ?", ticketId, staffId);
    }

    public boolean watching(long ticketId, long staffId) {
        return !jdbc.queryForList(
                        "select 1 from request_watcher where ticket_id = ? and staff_id = ?",
                        Integer.class,
                        ticketId,
                        staffId)
                .isEmpty();
    }

    /** The names of the colleagues watching a request, for its page. */
    public List<String> watcherNames(long ticketId) {
        return jdbc.queryForList("""
                select s.full_name from request_watcher w join team_staff_v s on s.id = w.staff_id
                where w.ticket_id = ? order by s.full_name""", String.class, ticketId);
    }

    List<Long> watchers(long ticketId) {
        return jdbc.queryForList(
                "select staff_id from request_watcher where ticket_id = ? order by staff_id", Long.class, ticketId);
    }

    /**
     * Writes one notice to each recipient but the one who caused it (and nobody twice), in the
     * caller's transaction.
     */
    void tell(
            Collection<Long> recipients,
            Long actorStaffId,
            NoticeKind kind,
            long ticketId,
            String tid,
            String... params) {
        Set<Long> to = new LinkedHashSet<>();
        for (Long r : recipients) {
            if (r != null && !Objects.equals(r, actorStaffId)) {
                to.add(r);
            }
        }
        if (to.isEmpty()) {
            return;
        }
        Timestamp at = ts(now());
        String[] values = Arrays.stream(params).map(p -> p == null ? "" : p).toArray(String[]::new);
        List<Long> list = List.copyOf(to);
        // a notice of a kind its recipient chose by e-mail is marked for their next digest
        jdbc.batchUpdate("""
                insert into notification (recipient_id, kind, ticket_id, tid, params, created_at, to_mail)
                values (?, ?, ?, ?, ?, ?, exists (select 1 from notice_mail_kind m where m.staff_id = ? and m.kind = ?))""", new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
            @Override
            public void setValues(java.sql.PreparedStatement ps, int i) throws SQLException {
                ps.setLong(1, list.get(i));
                ps.setString(2, kind.name());
                ps.setLong(3, ticketId);
                ps.setString(4, tid);
                ps.setArray(5, ps.getConnection().createArrayOf("text", values));
                ps.setTimestamp(6, at);
                ps.setLong(7, list.get(i));
                ps.setString(8, kind.name());
            }

            @Override
            public int getBatchSize() {
                return list.size();
            }
        });
    }

    // ---- e-mail digests ------------------------------------------------------------------------

    /** The kinds of notice this person also wants by e-mail; none unless they chose some. */
    public java.util.Set<NoticeKind> mailedKinds(long staffId) {
        java.util.Set<NoticeKind> kinds = java.util.EnumSet.noneOf(NoticeKind.class);
        for (String k :
                jdbc.queryForList("select kind from notice_mail_kind where staff_id = ?", String.class, staffId)) {
            kinds.add(NoticeKind.valueOf(k));
        }
        return kinds;
    }

    /** Sets the kinds this person wants by e-mail; notices from now on, none of the past. */
    @Transactional
    public void mailKinds(long staffId, java.util.Set<NoticeKind> kinds) {
        String[] names = kinds.stream().map(Enum::name).toArray(String[]::new);
        jdbc.update("delete from notice_mail_kind where staff_id = ? and not (kind = any (?))", ps -> {
            ps.setLong(1, staffId);
            ps.setArray(2, ps.getConnection().createArrayOf("text", names));
        });
        for (String k : names) {
            jdbc.update(
                    "insert into notice_mail_kind (staff_id, kind, since) values (?, ?, ?) on conflict do nothing",
                    staffId,
                    k,
                    ts(now()));
        }
    }

    /** One person's notices for one digest mail, with where and how to write to them. */
    public record Digest(long staffId, String fullName, String email, String language, List<NoticeView> notices) {

        /** The newest notice's id: the digest's key, so that it is queued once. */
        public long lastNoticeId() {
            return notices.stream().mapToLong(NoticeView::id).max().orElse(0);
        }
    }

    /**
     * The digests due at {@code now}: for each active person with notices marked for mail whose last
     * digest went out at least {@code every} ago (or never), those notices, oldest first (at most
     * {@link #PAGE}). Locks the marked rows until the caller's transaction ends.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<Digest> dueDigests(Instant now, java.time.Duration every) {
        List<Object[]> people = jdbc.query(
                """
                select s.id, s.full_name, s.email,
                       coalesce((select a.locale from identity_staff_account_v a where a.staff_id = s.id
                                  order by a.id limit 1), 'ru')
                  from team_staff_v s
                 where s.active and s.email is not null
                   and exists (select 1 from notification n where n.recipient_id = s.id and n.to_mail)
                   and not exists (select 1 from notice_digest d where d.staff_id = s.id and d.last_sent_at > ?)
                 order by s.id""",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)},
                ts(now.minus(every)));
        List<Digest> due = new java.util.ArrayList<>();
        for (Object[] p : people) {
            List<NoticeView> pending = jdbc.query("""
                    select id, kind, ticket_id, tid, params, created_at, read_at from notification
                    where recipient_id = ? and to_mail order by id limit ? for update skip locked""", Notices::map, p[0], PAGE);
            if (!pending.isEmpty()) {
                due.add(new Digest((Long) p[0], (String) p[1], (String) p[2], (String) p[3], pending));
            }
        }
        return due;
    }

    /** The digest was queued: its notices are mailed, and the person's next digest waits its turn. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void digested(Digest digest, Instant now) {
        Long[] ids = digest.notices().stream().map(NoticeView::id).toArray(Long[]::new);
        jdbc.update("update notification set to_mail = false, mailed_at = ? where id = any (?)", ps -> {
            ps.setTimestamp(1, ts(now));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", ids));
        });
        jdbc.update("""
                insert into notice_digest (staff_id, last_sent_at) values (?, ?)
                on conflict (staff_id) do update set last_sent_at = excluded.last_sent_at""", digest.staffId(), ts(now));
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static NoticeView map(ResultSet rs, int i) throws SQLException {
        Array params = rs.getArray("params");
        Timestamp read = rs.getTimestamp("read_at");
        return new NoticeView(
                rs.getLong("id"),
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getLong("ticket_id"),
                rs.getString("tid"),
                params == null ? List.of() : List.of((String[]) params.getArray()),
                rs.getTimestamp("created_at").toInstant(),
                read == null ? null : read.toInstant());
    }
}
