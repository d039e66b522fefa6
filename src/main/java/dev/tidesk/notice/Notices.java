package dev.tidesk.notice;

import dev.tidesk.identity.Role;
import dev.tidesk.shared.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's notices and the requests they watch. Notices are written by {@link NoticeListeners} in
 * the transaction of the change they tell about; people read them here, only ever their own.
 */
@Service
public class Notices {

    /** The most notices the list shows; older ones stay in the table but off the page. */
    public static final int PAGE = 100;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    private final TransactionTemplate readOnly;

    Notices(JdbcTemplate jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Past this many unread notices the header shows "99+" and counts no further. */
    public static final int COUNT_CAP = 100;

    /**
     * A shared notice (a new request told to everyone on duty) leaves the bell this long after it was
     * written: the request is in the queue anyway, and the bell's reads of shared rows then walk at
     * most this many days of them, however long the table grows and whatever a person has read.
     * Personal notices stay until they fall off the {@link #PAGE} newest.
     */
    public static final Duration SHARED_HORIZON = Duration.ofDays(7);

    /*
     * Two kinds of row in `notification`. A personal row has a recipient and its own read_at. A
     * shared row (recipient_id null) has an audience, the staff ids it tells; who of them has read it
     * is a row in notification_read, or their notice_read_mark ("mark all read": every shared row up
     * to a place in the order of the shared rows' index, newest first by created_at, then id). The
     * reads below take both kinds in one statement each. A walk of the shared rows newest first stops
     * at the horizon or at the person's mark, whichever is newer.
     */

    /**
     * A shared row is in this person's ({@code :me}) bell: theirs to read, written after
     * {@code :horizon}. Shared notices tell agents (the new-request audience of {@link
     * NoticeListeners}), so a colleague of another role reads no shared row at all: the role is a
     * condition PostgreSQL tests once, before any row. An agent walks the shared rows newest first
     * ({@code notification_shared_newest_idx}) and tests the audience on each row, written as a
     * function the planner has no statistics for (it then expects most rows to pass). With an index
     * on the audience, or a test it estimates from the array's statistics, which cannot tell one
     * agent from another, it read every shared row of the week for each page an agent opened (25 ms
     * on the 1 M data set after a burst).
     */
    private static final String SHARED_OF_PERSON = """
            n.recipient_id is null
            and (select s.role from team_staff_v s where s.id = :me) = '%s'
            and array_position(n.audience, cast(:me as bigint)) is not null and n.created_at > :horizon""".formatted(Role.AGENT.name());

    /** ...and unread by them: above their mark, not read on its own. */
    private static final String SHARED_UNREAD = """
            (n.created_at, n.id) > (coalesce((select w.read_up_to_at from notice_read_mark w where w.staff_id = :me), '-infinity'),
                                    coalesce((select w.read_up_to_id from notice_read_mark w where w.staff_id = :me), 0))
            and not exists (select 1 from notification_read r where r.staff_id = :me and r.notification_id = n.id)""";

    /** When this person read a shared row {@code n}, or null. */
    private static final String SHARED_READ_AT = """
            coalesce((select r.read_at from notification_read r where r.staff_id = :me and r.notification_id = n.id),
                     (select w.read_at from notice_read_mark w
                       where w.staff_id = :me and (n.created_at, n.id) <= (w.read_up_to_at, w.read_up_to_id)))""";

    /** The parameters of the reads above for this person, now. */
    private MapSqlParameterSource person(long staffId) {
        return new MapSqlParameterSource()
                .addValue("me", staffId)
                .addValue("horizon", ts(horizon()))
                .addValue("at", ts(now()));
    }

    /**
     * The header's count: unread notices of this person, up to {@link #COUNT_CAP}: their personal
     * rows through the partial index of unread ones, and, for an agent, the shared rows newest first
     * down to the horizon and their "all read" mark; each part stops at the cap.
     */
    public long unreadCount(long staffId) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // within someone else's transaction: its plan settings stay its own
            return countUnread(staffId);
        }
        // Asked for every page. Its parameters change with every call (the horizon is "now"), and
        // PostgreSQL, whose estimates of the generic plan are dearer than of one made for the values,
        // planned it afresh each time: 0.3 ms of planning for 0.15 ms of execution. The generic plan
        // has the same shape (SharedNoticePlanTests): planned once per connection.
        return readOnly.execute(t -> {
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            return countUnread(staffId);
        });
    }

    private long countUnread(long staffId) {
        Long n = named.queryForObject(
                """
                select least(:cap, (select count(*) from (select 1 from notification
                                      where recipient_id = :me and read_at is null limit :cap) p)
                                 + (select count(*) from (select 1 from notification n where %s and %s
                                      order by n.created_at desc, n.id desc limit :cap) s))""".formatted(SHARED_OF_PERSON, SHARED_UNREAD), person(staffId).addValue("cap", COUNT_CAP), Long.class);
        return n == null ? 0 : n;
    }

    /** This person's latest notices, newest first: their own and the shared ones told to them. */
    public List<NoticeView> recent(long staffId) {
        return named.query(
                """
                (select id, kind, ticket_id, tid, params, created_at, read_at from notification
                  where recipient_id = :me order by created_at desc, id desc limit :page)
                union all
                (select n.id, n.kind, n.ticket_id, n.tid, n.params, n.created_at, %s as read_at
                   from notification n where %s order by n.created_at desc, n.id desc limit :page)
                order by created_at desc, id desc limit :page""".formatted(SHARED_READ_AT, SHARED_OF_PERSON), person(staffId).addValue("page", PAGE), Notices::map);
    }

    /**
     * Marks one of this person's notices read and returns it: their own, or a shared one told to them
     * (read for them alone). Anyone else's is not found.
     */
    @Transactional
    public NoticeView open(long noticeId, long staffId) {
        MapSqlParameterSource p = person(staffId).addValue("notice", noticeId);
        named.update("""
                with own as (update notification set read_at = :at
                              where id = :notice and recipient_id = :me and read_at is null)
                insert into notification_read (staff_id, notification_id, read_at)
                select :me, n.id, :at from notification n
                 where n.id = :notice and n.recipient_id is null and :me = any(n.audience) and %s
                on conflict do nothing""".formatted(SHARED_UNREAD), p);
        return named.query("""
                        select n.id, n.kind, n.ticket_id, n.tid, n.params, n.created_at,
                               case when n.recipient_id is null then %s else n.read_at end as read_at
                          from notification n
                         where n.id = :notice
                           and (n.recipient_id = :me or (n.recipient_id is null and :me = any(n.audience)))""".formatted(SHARED_READ_AT), p, Notices::map).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No notice " + noticeId));
    }

    /**
     * Marks every notice of this person read; returns how many were unread. Their personal rows are
     * marked one by one; the shared ones by one mark, "read up to the newest shared notice written",
     * which also makes their reads of single shared notices up to it redundant (deleted). A shared
     * notice still being written in another transaction at that moment may fall below the mark
     * (milliseconds: it is written just before its request commits). The mark is the newest shared
     * notice written up to now, never one dated later (a clock set back would otherwise mark as read
     * every notice written until then).
     */
    @Transactional
    public int markAllRead(long staffId) {
        Integer n =
                named.queryForObject("""
                with own as (update notification set read_at = :at where recipient_id = :me and read_at is null returning 1),
                     unread as (select count(*) as c from notification n where %s and %s),
                     newest as (select n.created_at, n.id from notification n
                                 where n.recipient_id is null and n.created_at <= :at
                                 order by n.created_at desc, n.id desc limit 1),
                     marked as (insert into notice_read_mark (staff_id, read_up_to_at, read_up_to_id, read_at)
                                select :me, x.created_at, x.id, :at from newest x
                                on conflict (staff_id) do update
                                set read_up_to_at = excluded.read_up_to_at, read_up_to_id = excluded.read_up_to_id,
                                    read_at = excluded.read_at
                                where (notice_read_mark.read_up_to_at, notice_read_mark.read_up_to_id)
                                      < (excluded.read_up_to_at, excluded.read_up_to_id)),
                     pruned as (delete from notification_read r using notification n, newest x
                                 where r.staff_id = :me and n.id = r.notification_id
                                   and (n.created_at, n.id) <= (x.created_at, x.id))
                select ((select count(*) from own) + (select c from unread))::int""".formatted(SHARED_OF_PERSON, SHARED_UNREAD), person(staffId), Integer.class);
        return n == null ? 0 : n;
    }

    /**
     * This person has the request open: what the bell said about it is read (their own notices and
     * the shared ones told to them, for them alone), and its client messages so far are seen. Returns
     * how many notices that read.
     */
    @Transactional
    public int opened(long ticketId, long staffId) {
        MapSqlParameterSource p = person(staffId).addValue("ticket", ticketId);
        Integer read = named.queryForObject("""
                with own as (update notification set read_at = :at
                              where recipient_id = :me and ticket_id = :ticket and read_at is null returning 1),
                     shared as (insert into notification_read (staff_id, notification_id, read_at)
                                select :me, n.id, :at from notification n
                                 where n.ticket_id = :ticket and %s and %s
                                on conflict do nothing returning 1)
                select ((select count(*) from own) + (select count(*) from shared))::int""".formatted(SHARED_OF_PERSON, SHARED_UNREAD), p, Integer.class);
        Timestamp at = (Timestamp) p.getValue("at");
        jdbc.update("""
                insert into request_seen (staff_id, ticket_id, seen_at) values (?, ?, ?)
                on conflict (staff_id, ticket_id) do update set seen_at = excluded.seen_at""", staffId, ticketId, at);
        return read == null ? 0 : read;
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
        List<Long> list = told(recipients, actorStaffId);
        if (list.isEmpty()) {
            return;
        }
        Timestamp at = ts(now());
        String[] values = texts(params);
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

    /**
     * Tells everyone of {@code recipients} but the one who caused it with one shared notice, in the
     * caller's transaction: one row however many they are. Only agents read shared notices ({@link
     * #SHARED_OF_PERSON}), so a colleague of another role gets a personal row instead, and so does
     * whoever chose this kind by e-mail (marked for their digest); neither is in the shared audience.
     */
    void tellShared(
            Collection<Long> recipients,
            Long actorStaffId,
            NoticeKind kind,
            long ticketId,
            String tid,
            String... params) {
        List<Long> to = told(recipients, actorStaffId);
        if (to.isEmpty()) {
            return;
        }
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("told", to.toArray(Long[]::new))
                .addValue("kind", kind.name())
                .addValue("ticket", ticketId)
                .addValue("tid", tid)
                .addValue("params", texts(params))
                .addValue("at", ts(now()));
        named.update("""
                with told as (select unnest(cast(:told as bigint[])) as id),
                     personal as (select t.id, exists (select 1 from notice_mail_kind m
                                                        where m.staff_id = t.id and m.kind = :kind) as to_mail
                                    from told t),
                     own as (select id, to_mail from personal
                              where to_mail or (select s.role from team_staff_v s where s.id = personal.id)
                                               is distinct from '%s'),
                     written as (insert into notification (recipient_id, kind, ticket_id, tid, params, created_at, to_mail)
                                 select o.id, :kind, :ticket, :tid, cast(:params as text[]), :at, o.to_mail from own o)
                insert into notification (audience, kind, ticket_id, tid, params, created_at)
                select a.ids, :kind, :ticket, :tid, cast(:params as text[]), :at
                  from (select array_agg(t.id order by t.id) as ids from told t
                         where not exists (select 1 from own o where o.id = t.id)) a
                 where a.ids is not null""".formatted(Role.AGENT.name()), p);
    }

    /** The recipients in order, nobody twice, without the one who caused it. */
    private static List<Long> told(Collection<Long> recipients, Long actorStaffId) {
        return recipients.stream()
                .filter(r -> r != null && !Objects.equals(r, actorStaffId))
                .distinct()
                .toList();
    }

    /** A notice's parameters as stored: no nulls. */
    private static String[] texts(String... params) {
        return Arrays.stream(params).map(p -> p == null ? "" : p).toArray(String[]::new);
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

    /** Shared notices written before this are out of the bell ({@link #SHARED_HORIZON}). */
    private Instant horizon() {
        return now().minus(SHARED_HORIZON);
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
