package dev.tidesk.report;

import dev.tidesk.contract.ledger.ClientLedger;
import dev.tidesk.contract.ledger.ClientUtilisation;
import dev.tidesk.contract.ledger.LedgerMonth;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statistics computed by PostgreSQL: each figure is one GROUP BY over an indexed time range
 * (see {@code V400__report_indexes.sql}), never a loop over entities. Weeks and months are those
 * of the installation's time zone.
 */
@Service
@Transactional(readOnly = true)
public class Reports {

    static final List<String> OPEN_STATUSES = List.of("NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CLIENT", "DEFERRED");
    static final List<String> CHANNELS = List.of("EMAIL", "PORTAL", "PHONE", "API");
    static final List<String> URGENCIES = List.of("CRITICAL", "HIGH", "NORMAL", "LOW");
    /** The dashboard's lists (clients over plan, deferred requests) show the first this many; the reports show all. */
    static final int DASHBOARD_LIST = 20;

    static final List<String> RESPONSE_BUCKETS = List.of("under15m", "under1h", "under4h", "under1d", "over1d", "none");

    private final NamedParameterJdbcTemplate jdbc;
    private final Ledgers ledgers;
    private final ZoneId zone;
    private final Duration dashboardMaxAge;
    private final Object dashboardLock = new Object();
    private volatile Dashboard lastDashboard;

    private final Clock clock;

    Reports(
            NamedParameterJdbcTemplate jdbc,
            Installation installation,
            Ledgers ledgers,
            @Value("${tidesk.report.dashboard-max-age:PT1M}") Duration dashboardMaxAge,
            Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.ledgers = ledgers;
        this.zone = installation.timeZone();
        this.dashboardMaxAge = dashboardMaxAge;
    }

    /** Today in the installation's time zone. */
    public java.time.LocalDate today() {
        return java.time.LocalDate.now(clock.withZone(zone()));
    }

    public ZoneId zone() {
        return zone;
    }

    // ------------------------------------------------------------------ dashboard

    /**
     * The dashboard as of now, computed at most once per {@code tidesk.report.dashboard-max-age}
     * (one minute by default) however many heads look at it: its weekly figures do not change
     * from one second to the next, and computing them reads a few hundred thousand index entries.
     * The page shows the time it was computed.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Dashboard dashboard() {
        Dashboard last = lastDashboard;
        if (fresh(last)) {
            return last;
        }
        synchronized (dashboardLock) {
            last = lastDashboard;
            if (!fresh(last)) {
                last = dashboard(Instant.now(clock));
                lastDashboard = last;
            }
            return last;
        }
    }

    private boolean fresh(Dashboard d) {
        return d != null && d.at().plus(dashboardMaxAge).isAfter(Instant.now(clock));
    }

    /** The dashboard as of {@code now}: only requests created before it count. */
    public Dashboard dashboard(Instant now) {
        LocalDate thisWeek = LocalDate.ofInstant(now, zone).with(java.time.DayOfWeek.MONDAY);
        Instant twelveWeeks = thisWeek.minusWeeks(11).atStartOfDay(zone).toInstant();
        Instant fourWeeks = now.minus(28, ChronoUnit.DAYS);
        LocalDate today = LocalDate.ofInstant(now, zone);
        ReportFilter lastFourWeeks = new ReportFilter(today.minusDays(27), today, Grain.WEEK, null, null);
        ReportTable overPlan = overPlan();
        ReportTable deferred = deferredToNextMonth(today);
        return new Dashboard(
                now,
                backlog(now),
                weekly(thisWeek, now),
                agents(fourWeeks, now),
                firstResponse(fourWeeks, now),
                channels(twelveWeeks, now),
                normHoursPerWeek(lastFourWeeks),
                slaByPlan(lastFourWeeks),
                satisfactionByAgent(lastFourWeeks),
                first(overPlan, DASHBOARD_LIST),
                first(deferred, DASHBOARD_LIST),
                overPlan.rows().size(),
                deferred.rows().stream().mapToLong(r -> (Long) r.get(1)).sum(),
                Boolean.TRUE.equals(jdbc.getJdbcTemplate()
                        .queryForObject("select exists (select 1 from ledger_month)", Boolean.class)));
    }

    ReportTable backlog(Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("now", ts(now)).addValue("open", OPEN_STATUSES);
        List<List<Object>> found = jdbc.query("""
                select status,
                       count(*) filter (where created_at > cast(:now as timestamptz) - interval '1 day'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '1 day'
                                          and created_at > cast(:now as timestamptz) - interval '7 days'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '7 days'
                                          and created_at > cast(:now as timestamptz) - interval '30 days'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '30 days'),
                       count(*)
                  from ticket
                 where status in (:open) and status not in """ + Status.FINISHED_SQL + """
                 and created_at <= :now
                 group by status""", p, (rs, i) -> row(rs, 6));
        List<List<Object>> rows = new ArrayList<>();
        for (String status : OPEN_STATUSES) {
            rows.add(found.stream()
                    .filter(r -> status.equals(r.get(0)))
                    .findFirst()
                    .orElse(Arrays.asList(status, 0L, 0L, 0L, 0L, 0L)));
        }
        return new ReportTable(
                "backlog",
                List.of(
                        Column.code("status", "status."),
                        Column.count("age1d"),
                        Column.count("age7d"),
                        Column.count("age30d"),
                        Column.count("ageOlder"),
                        Column.count("total")),
                rows);
    }

    ReportTable weekly(LocalDate thisWeek, Instant now) {
        List<List<Object>> rows = new ArrayList<>();
        LocalDate first = thisWeek.minusWeeks(11);
        Instant from = first.atStartOfDay(zone).toInstant();
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from))
                .addValue("now", ts(now))
                .addValue("tz", zone.getId());
        List<List<Object>> created = jdbc.query("""
                select cast(date_trunc('week', created_at at time zone :tz) as date), count(*)
                  from ticket where created_at >= :from and created_at < :now group by 1""", p, (rs, i) -> row(rs, 2));
        List<List<Object>> resolved = jdbc.query("""
                select cast(date_trunc('week', resolved_at at time zone :tz) as date), count(*)
                  from ticket where resolved_at >= :from and resolved_at < :now group by 1""", p, (rs, i) -> row(rs, 2));
        for (int w = 0; w < 12; w++) {
            LocalDate week = first.plusWeeks(w);
            rows.add(Arrays.asList(week, countOf(created, week), countOf(resolved, week)));
        }
        return new ReportTable(
                "weekly", List.of(Column.period(), Column.count("created"), Column.count("resolved")), rows);
    }

    ReportTable agents(Instant from, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("now", ts(now));
        List<List<Object>> rows = jdbc.query(
                """
                with replies as (
                  select author_staff_id as id, count(*) as n from ticket_message
                   where created_at >= :from and created_at < :now and kind = 'STAFF_REPLY' and author_staff_id is not null
                   group by 1),
                handled as (
                  select assignee_id as id, count(*) as n from ticket
                   where resolved_at >= :from and resolved_at < :now and assignee_id is not null
                   group by 1)
                select s.full_name, coalesce(h.n, 0), coalesce(r.n, 0), round(coalesce(r.n, 0) / 4.0, 1)
                  from staff s left join replies r on r.id = s.id left join handled h on h.id = s.id
                 where r.n is not null or h.n is not null
                 order by 3 desc, 2 desc, 1""", p, (rs, i) -> Arrays.asList(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)));
        return new ReportTable(
                "agents",
                List.of(
                        Column.text("person"),
                        Column.count("resolved"),
                        Column.count("replies"),
                        new Column("repliesPerWeek", Column.Kind.MINUTES, null)),
                rows);
    }

    ReportTable firstResponse(Instant from, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("now", ts(now));
        List<Object> counts = jdbc.queryForObject("""
                select count(*) filter (where first_response_at - created_at < interval '15 minutes'),
                       count(*) filter (where first_response_at - created_at >= interval '15 minutes'
                                          and first_response_at - created_at < interval '1 hour'),
                       count(*) filter (where first_response_at - created_at >= interval '1 hour'
                                          and first_response_at - created_at < interval '4 hours'),
                       count(*) filter (where first_response_at - created_at >= interval '4 hours'
                                          and first_response_at - created_at < interval '1 day'),
                       count(*) filter (where first_response_at - created_at >= interval '1 day'),
                       count(*) filter (where first_response_at is null)
                  from ticket where created_at >= :from and created_at < :now""", p, (rs, i) -> row(rs, 6));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < RESPONSE_BUCKETS.size(); i++) {
            rows.add(Arrays.asList(RESPONSE_BUCKETS.get(i), counts.get(i)));
        }
        return new ReportTable(
                "firstResponse",
                List.of(Column.code("firstResponse", "report.bucket."), Column.count("requests")),
                rows);
    }

    ReportTable channels(Instant from, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("now", ts(now));
        List<List<Object>> found = jdbc.query("""
                select channel, count(*) from ticket where created_at >= :from and created_at < :now group by channel""", p, (rs, i) -> row(rs, 2));
        List<List<Object>> rows = new ArrayList<>();
        for (String channel : CHANNELS) {
            rows.add(Arrays.asList(channel, countOf(found, channel)));
        }
        return new ReportTable("channels", List.of(Column.code("channel", "channel."), Column.count("requests")), rows);
    }

    // ------------------------------------------------------------------ reports

    /** Requests created per period, by channel and urgency. */
    public ReportTable volume(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, created_at at time zone :tz) as date), count(*),
                       count(*) filter (where channel = 'EMAIL'), count(*) filter (where channel = 'PORTAL'),
                       count(*) filter (where channel = 'PHONE'), count(*) filter (where channel = 'API'),
                       count(*) filter (where urgency = 'CRITICAL'), count(*) filter (where urgency = 'HIGH'),
                       count(*) filter (where urgency = 'NORMAL'), count(*) filter (where urgency = 'LOW')
                  from ticket
                 where created_at >= :from and created_at < :to
                   and (cast(:org as bigint) is null or organization_id = :org)
                   and (cast(:staff as bigint) is null or assignee_id = :staff)
                 group by 1 order by 1""", params(f), (rs, i) -> row(rs, 10));
        List<Column> columns = new ArrayList<>(List.of(Column.period(), Column.count("total")));
        CHANNELS.forEach(c -> columns.add(new Column("channel." + c, Column.Kind.COUNT, null)));
        URGENCIES.forEach(u -> columns.add(new Column("urgency." + u, Column.Kind.COUNT, null)));
        return new ReportTable("volume", columns, rows);
    }

    /** Requests created in the period per client organization and site, the busiest first. */
    public ReportTable volumeBySite(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select coalesce(o.name, t.organization_name, '—'), coalesce(s.live_url, '—'), count(*),
                       count(*) filter (where t.status not in """ + Status.FINISHED_SQL + """
                       )
                  from ticket t
                  left join organization o on o.id = t.organization_id
                  left join site s on s.id = t.site_id
                 where t.created_at >= :from and t.created_at < :to
                   and (cast(:org as bigint) is null or t.organization_id = :org)
                   and (cast(:staff as bigint) is null or t.assignee_id = :staff)
                 group by 1, 2 order by 3 desc, 1, 2 limit 200""", params(f), (rs, i) -> row(rs, 4));
        return new ReportTable(
                "volumeBySite",
                List.of(Column.text("organization"), Column.text("site"), Column.count("total"), Column.count("open")),
                rows);
    }

    /**
     * Per tag: the requests opened in the period that carry it, and how many of them are still open
     * (a request with two tags counts under each).
     */
    public ReportTable tags(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select g.tag, count(*), count(*) filter (where t.status not in """ + Status.FINISHED_SQL + """
                       )
                  from ticket_tag g
                  join ticket t on t.id = g.ticket_id
                 where t.created_at >= :from and t.created_at < :to
                   and (cast(:org as bigint) is null or t.organization_id = :org)
                   and (cast(:staff as bigint) is null or t.assignee_id = :staff)
                 group by 1 order by 2 desc, 1 limit 200""", params(f), (rs, i) -> row(rs, 3));
        return new ReportTable("tags", List.of(Column.text("tag"), Column.count("total"), Column.count("open")), rows);
    }

    /** Per period and person: public replies, internal notes, and requests resolved as assignee. */
    public ReportTable staffActivity(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                with messages as (
                  select cast(date_trunc(:grain, m.created_at at time zone :tz) as date) as p, m.author_staff_id as sid,
                         count(*) filter (where m.kind = 'STAFF_REPLY') as replies,
                         count(*) filter (where m.kind = 'INTERNAL_NOTE') as notes
                    from ticket_message m
                   where m.created_at >= :from and m.created_at < :to and m.author_staff_id is not null
                     and (cast(:staff as bigint) is null or m.author_staff_id = :staff)
                     and (cast(:org as bigint) is null
                          or exists (select 1 from ticket t where t.id = m.ticket_id and t.organization_id = :org))
                   group by 1, 2),
                resolved as (
                  select cast(date_trunc(:grain, resolved_at at time zone :tz) as date) as p, assignee_id as sid,
                         count(*) as n
                    from ticket
                   where resolved_at >= :from and resolved_at < :to and assignee_id is not null
                     and (cast(:staff as bigint) is null or assignee_id = :staff)
                     and (cast(:org as bigint) is null or organization_id = :org)
                   group by 1, 2)
                select coalesce(m.p, r.p), s.full_name, coalesce(m.replies, 0), coalesce(m.notes, 0), coalesce(r.n, 0)
                  from messages m full join resolved r on r.p = m.p and r.sid = m.sid
                  join staff s on s.id = coalesce(m.sid, r.sid)
                 order by 1, 2""", params(f), (rs, i) -> row(rs, 5));
        return new ReportTable(
                "staffActivity",
                List.of(
                        Column.period(),
                        Column.text("person"),
                        Column.count("replies"),
                        Column.count("notes"),
                        Column.count("resolved")),
                rows);
    }

    /** Per period of creation: how fast requests got their first reply and were resolved. */
    public ReportTable responseTimes(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, created_at at time zone :tz) as date), count(*), count(first_response_at),
                       round(cast(percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at) / 60) as numeric), 1),
                       round(cast(percentile_cont(0.9) within group (order by extract(epoch from first_response_at - created_at) / 60) as numeric), 1),
                       round(100.0 * count(*) filter (where first_response_at - created_at <= interval '1 hour')
                             / nullif(count(first_response_at), 0), 1),
                       count(resolved_at),
                       round(cast(percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 60) as numeric), 1)
                  from ticket
                 where created_at >= :from and created_at < :to
                   and (cast(:org as bigint) is null or organization_id = :org)
                   and (cast(:staff as bigint) is null or assignee_id = :staff)
                 group by 1 order by 1""", params(f), (rs, i) -> row(rs, 8));
        return new ReportTable(
                "responseTimes",
                List.of(
                        Column.period(),
                        Column.count("total"),
                        Column.count("answered"),
                        Column.minutes("firstResponseMedian"),
                        Column.minutes("firstResponseP90"),
                        Column.percent("withinHour"),
                        Column.count("resolved"),
                        Column.minutes("resolutionMedian")),
                rows);
    }

    // ------------------------------------------------------------------ norm-hours, SLA, plans

    /** Per person: norm-hours per week over the filter's period, by kind of work, the busiest first. */
    ReportTable normHoursPerWeek(ReportFilter f) {
        double weeks = Math.max(1, (f.to().toEpochDay() - f.from().toEpochDay() + 1) / 7.0);
        MapSqlParameterSource p = params(f).addValue("weeks", weeks);
        List<List<Object>> rows = jdbc.query("""
                select s.full_name,
                       round(sum(e.minutes) / 60.0 / cast(:weeks as numeric), 1),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'WORK'), 0) / 60.0 / cast(:weeks as numeric), 1),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'CONSULTATION'), 0) / 60.0 / cast(:weeks as numeric), 1),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'TEST_COPY_SYNC'), 0) / 60.0 / cast(:weeks as numeric), 1),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'DEPLOY'), 0) / 60.0 / cast(:weeks as numeric), 1)
                  from work_entry e join staff s on s.id = e.staff_id
                 where e.day >= :fromDay and e.day <= :toDay
                 group by e.staff_id, s.full_name
                 order by 2 desc, 1""", p, (rs, i) -> row(rs, 6));
        return new ReportTable(
                "normHoursPerWeek",
                List.of(
                        Column.text("person"),
                        Column.hours("hoursPerWeek"),
                        Column.hours("kind.WORK"),
                        Column.hours("kind.CONSULTATION"),
                        Column.hours("kind.TEST_COPY_SYNC"),
                        Column.hours("kind.DEPLOY")),
                rows);
    }

    /** Norm-hours logged per period and person, by kind of work (R8): the team's load. */
    public ReportTable normHours(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, e.day) as date), s.full_name,
                       round(sum(e.minutes) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'WORK'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'CONSULTATION'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'TEST_COPY_SYNC'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'DEPLOY'), 0) / 60.0, 2),
                       count(distinct e.ticket_id)
                  from work_entry e join staff s on s.id = e.staff_id
                 where e.day >= :fromDay and e.day <= :toDay
                   and (cast(:org as bigint) is null or e.organization_id = :org)
                   and (cast(:staff as bigint) is null or e.staff_id = :staff)
                   and (cast(:plan as varchar) is null
                        or e.organization_id in (select organization_id from report_client_plan where plan_code = :plan))
                 group by 1, e.staff_id, s.full_name
                 order by 1, 2""", params(f), (rs, i) -> row(rs, 8));
        return new ReportTable(
                "normHours",
                List.of(
                        Column.period(),
                        Column.text("person"),
                        Column.hours("hours"),
                        Column.hours("kind.WORK"),
                        Column.hours("kind.CONSULTATION"),
                        Column.hours("kind.TEST_COPY_SYNC"),
                        Column.hours("kind.DEPLOY"),
                        Column.count("requests")),
                rows);
    }

    /** SLA deadlines of the requests created in the period, met and breached, per plan (R12). */
    public ReportTable slaByPlan(ReportFilter f) {
        return sla(f, "coalesce(p.plan_code, 'NONE')", "slaByPlan", Column.code("plan", "contract.plan."));
    }

    /** SLA deadlines of the requests created in the period, met and breached, per assignee. */
    public ReportTable slaByAgent(ReportFilter f) {
        return sla(f, "coalesce(s.full_name, '—')", "slaByAgent", Column.text("person"));
    }

    /**
     * A deadline is met when the reply (or the resolution) came by it and no breach was recorded,
     * breached when the SLA watch recorded a breach; a running clock not yet due is neither.
     */
    private ReportTable sla(ReportFilter f, String group, String key, Column first) {
        List<List<Object>> rows = jdbc.query("""
                with p as materialized (select organization_id, plan_code from report_client_plan),
                r as (
                  select %s as grp,
                         r.first_response_due_at is not null as fr_due,
                         coalesce(r.first_response_at <= r.first_response_due_at, false) and b1.ticket_id is null as fr_met,
                         b1.ticket_id is not null as fr_breached,
                         r.resolution_due_at is not null as res_due,
                         coalesce(r.stopped_at <= r.resolution_due_at, false) and b2.ticket_id is null as res_met,
                         b2.ticket_id is not null as res_breached
                    from routing_request r
                    join ticket t on t.id = r.ticket_id
                    left join p on p.organization_id = r.organization_id
                    left join staff s on s.id = t.assignee_id
                    left join sla_breach b1 on b1.ticket_id = r.ticket_id and b1.kind = 'FIRST_RESPONSE'
                    left join sla_breach b2 on b2.ticket_id = r.ticket_id and b2.kind = 'RESOLUTION'
                   where r.created_at >= :from and r.created_at < :to
                     and (cast(:org as bigint) is null or r.organization_id = :org)
                     and (cast(:staff as bigint) is null or t.assignee_id = :staff)
                     and (cast(:plan as varchar) is null or coalesce(p.plan_code, 'NONE') = :plan))
                select grp,
                       count(*) filter (where fr_due), count(*) filter (where fr_met), count(*) filter (where fr_breached),
                       round(100.0 * count(*) filter (where fr_met)
                             / nullif(count(*) filter (where fr_met or fr_breached), 0), 1),
                       count(*) filter (where res_due), count(*) filter (where res_met), count(*) filter (where res_breached),
                       round(100.0 * count(*) filter (where res_met)
                             / nullif(count(*) filter (where res_met or res_breached), 0), 1)
                  from r group by grp order by grp""".formatted(group), params(f), (rs, i) -> row(rs, 9));
        return new ReportTable(
                key,
                List.of(
                        first,
                        Column.count("firstResponseDue"),
                        Column.count("firstResponseMet"),
                        Column.count("firstResponseBreached"),
                        Column.percent("firstResponseCompliance"),
                        Column.count("resolutionDue"),
                        Column.count("resolutionMet"),
                        Column.count("resolutionBreached"),
                        Column.percent("resolutionCompliance")),
                rows);
    }

    /** "Вопрос решён?" per agent who had the request: ratings given in the period, good and bad, the good share. */
    public ReportTable satisfactionByAgent(ReportFilter f) {
        return satisfaction(f, "coalesce(s.full_name, '—')", "satisfactionByAgent", Column.text("person"));
    }

    /** "Вопрос решён?" per client. */
    public ReportTable satisfactionByClient(ReportFilter f) {
        return satisfaction(f, "coalesce(o.name, '—')", "satisfactionByClient", Column.text("organization"));
    }

    /** "Вопрос решён?" per plan the client is on now. */
    public ReportTable satisfactionByPlan(ReportFilter f) {
        return satisfaction(
                f, "coalesce(p.plan_code, 'NONE')", "satisfactionByPlan", Column.code("plan", "contract.plan."));
    }

    /** The clients' ratings given in the period: how many, good, bad, and the share of good ones. */
    private ReportTable satisfaction(ReportFilter f, String group, String key, Column first) {
        List<List<Object>> rows = jdbc.query("""
                with p as materialized (select organization_id, plan_code from report_client_plan)
                select %s as grp, count(*), count(*) filter (where r.good), count(*) filter (where not r.good),
                       round(100.0 * count(*) filter (where r.good) / nullif(count(*), 0), 1)
                  from request_rating r
                  left join p on p.organization_id = r.organization_id
                  left join staff s on s.id = r.agent_id
                  left join organization o on o.id = r.organization_id
                 where r.rated_at >= :from and r.rated_at < :to
                   and (cast(:org as bigint) is null or r.organization_id = :org)
                   and (cast(:staff as bigint) is null or r.agent_id = :staff)
                   and (cast(:plan as varchar) is null or coalesce(p.plan_code, 'NONE') = :plan)
                 group by grp order by grp""".formatted(group), params(f), (rs, i) -> row(rs, 5));
        return new ReportTable(
                key,
                List.of(
                        first,
                        Column.count("rated"),
                        Column.count("ratedGood"),
                        Column.count("ratedBad"),
                        Column.percent("goodShare")),
                rows);
    }

    /**
     * Client utilisation (R8, R9) from the contract ledger. For one client: each month of the
     * period with included and used norm-hours and the balances. For all clients: the period's
     * totals per client, the heaviest users first. Of the used hours, those spent synchronising the
     * test copy ({@code TEST_COPY_SYNC}) are shown apart, with the rest: what "all work on the test
     * copy first" costs.
     */
    public ReportTable utilisation(ReportFilter f) {
        YearMonth from = YearMonth.from(f.from());
        YearMonth to = YearMonth.from(f.to());
        if (f.organizationId() != null) {
            ClientLedger ledger = ledgers.ledgerOf(f.organizationId());
            LocalDate start =
                    ledger.contract() == null ? null : ledger.contract().startDate();
            Map<YearMonth, Integer> ofClient = start == null
                    ? Map.of()
                    : syncMinutes(from, to, f.organizationId(), start).getOrDefault(f.organizationId(), Map.of());
            List<List<Object>> rows = new ArrayList<>();
            for (LedgerMonth m : ledger.months()) {
                if (!m.month().isBefore(from)
                        && !m.month().isAfter(to)
                        && (f.planCode() == null || m.planCode().name().equals(f.planCode()))) {
                    int s = ofClient.getOrDefault(m.month(), 0);
                    rows.add(Arrays.asList(
                            m.month().atDay(1),
                            m.planCode().name(),
                            hours(m.includedMinutes()),
                            hours(m.usedMinutes()),
                            hours(s),
                            hours(m.usedMinutes() - s),
                            hours(m.balanceMinutes()),
                            hours(m.runningMinutes()),
                            m.utilisationPercent() == null
                                    ? null
                                    : m.utilisationPercent().doubleValue()));
                }
            }
            return new ReportTable(
                    "utilisation",
                    List.of(
                            Column.period(),
                            Column.code("plan", "contract.plan."),
                            Column.hours("included"),
                            Column.hours("used"),
                            Column.hours("testCopySync"),
                            Column.hours("otherWork"),
                            Column.hours("balance"),
                            Column.hours("running"),
                            Column.percent("utilisation")),
                    rows);
        }
        List<List<Object>> rows = new ArrayList<>();
        Map<Long, Map<YearMonth, Integer>> sync = syncMinutes(from, to, null);
        for (ClientLedger ledger : ledgers.runningLedgers()) {
            int included = 0;
            int used = 0;
            int synced = 0;
            LedgerMonth last = null;
            Map<YearMonth, Integer> ofClient = sync.getOrDefault(ledger.organizationId(), Map.of());
            YearMonth start = ledger.contract() == null
                    ? null
                    : YearMonth.from(ledger.contract().startDate());
            for (LedgerMonth m : ledger.months()) {
                if (!m.month().isBefore(from) && !m.month().isAfter(to)) {
                    included += m.includedMinutes();
                    used += m.usedMinutes();
                    // a first month that began mid-month: only the days of the contract, as the ledger counts them
                    synced += m.month().equals(start)
                                    && ledger.contract().startDate().getDayOfMonth() > 1
                            ? syncMinutes(
                                            m.month(),
                                            m.month(),
                                            ledger.organizationId(),
                                            ledger.contract().startDate())
                                    .getOrDefault(ledger.organizationId(), Map.of())
                                    .getOrDefault(m.month(), 0)
                            : ofClient.getOrDefault(m.month(), 0);
                    last = m;
                }
            }
            if (last == null || (f.planCode() != null && !last.planCode().name().equals(f.planCode()))) {
                continue;
            }
            rows.add(Arrays.asList(
                    ledger.organizationName(),
                    last.planCode().name(),
                    hours(included),
                    hours(used),
                    hours(synced),
                    hours(used - synced),
                    hours(included - used),
                    hours(last.runningMinutes()),
                    included == 0 ? null : Math.round(1000.0 * used / included) / 10.0));
        }
        rows.sort(Comparator.comparing((List<Object> r) -> r.get(8) == null ? -1.0 : (Double) r.get(8))
                .reversed());
        return new ReportTable(
                "utilisation",
                List.of(
                        Column.text("organization"),
                        Column.code("plan", "contract.plan."),
                        Column.hours("included"),
                        Column.hours("used"),
                        Column.hours("testCopySync"),
                        Column.hours("otherWork"),
                        Column.hours("balance"),
                        Column.hours("running"),
                        Column.percent("utilisation")),
                rows);
    }

    private Map<Long, Map<YearMonth, Integer>> syncMinutes(YearMonth from, YearMonth to, Long organizationId) {
        return syncMinutes(from, to, organizationId, null);
    }

    /**
     * Minutes logged as test-copy synchronisation per client and month, from {@code from} to {@code to};
     * for one client when {@code organizationId} is set, from the day {@code since} when set.
     */
    private Map<Long, Map<YearMonth, Integer>> syncMinutes(
            YearMonth from, YearMonth to, Long organizationId, LocalDate since) {
        Map<Long, Map<YearMonth, Integer>> out = new java.util.HashMap<>();
        LocalDate first = since != null && since.isAfter(from.atDay(1)) ? since : from.atDay(1);
        jdbc.query(
                """
                select organization_id, cast(date_trunc('month', day) as date), sum(minutes) from work_entry
                 where kind = 'TEST_COPY_SYNC' and day >= :from and day < :to
                   and (cast(:org as bigint) is null or organization_id = :org)
                 group by 1, 2""",
                new MapSqlParameterSource("from", first)
                        .addValue("to", to.plusMonths(1).atDay(1))
                        .addValue("org", organizationId, java.sql.Types.BIGINT),
                rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>())
                            .put(YearMonth.from(rs.getDate(2).toLocalDate()), rs.getInt(3));
                });
        return out;
    }

    /** Clients over their plan this month or overrunning it in the closed months, with the plan the rule recommends. */
    ReportTable overPlan() {
        List<List<Object>> rows = new ArrayList<>();
        for (ClientUtilisation u : ledgers.utilisation()) {
            LedgerMonth m = u.month();
            if (m.over() || u.overrun()) {
                rows.add(Arrays.asList(
                        u.organizationName(),
                        u.planCode().name(),
                        hours(m.includedMinutes()),
                        hours(m.usedMinutes()),
                        m.utilisationPercent() == null
                                ? null
                                : m.utilisationPercent().doubleValue(),
                        u.overrun() && u.recommendation() != null
                                ? u.recommendation().name()
                                : null));
            }
        }
        rows.sort(Comparator.comparing((List<Object> r) -> r.get(4) == null ? 0.0 : (Double) r.get(4))
                .reversed());
        return new ReportTable(
                "overPlan",
                List.of(
                        Column.text("organization"),
                        Column.code("plan", "contract.plan."),
                        Column.hours("included"),
                        Column.hours("used"),
                        Column.percent("utilisation"),
                        Column.code("recommended", "contract.plan.")),
                rows);
    }

    /** Requests the clients agreed to defer to a coming month (R10): they come back to the queue on its 1st. */
    ReportTable deferredToNextMonth(LocalDate today) {
        List<List<Object>> rows = jdbc.query("""
                select coalesce(o.name, '—'), count(*)
                  from deferral d left join organization o on o.id = d.organization_id
                 where d.status = 'ACCEPTED' and d.target_month > :today
                 group by 1 order by 2 desc, 1""", new MapSqlParameterSource("today", today), (rs, i) -> row(rs, 2));
        return new ReportTable("deferred", List.of(Column.text("organization"), Column.count("requests")), rows);
    }

    /** The table with only its first {@code n} rows. */
    private static ReportTable first(ReportTable table, int n) {
        return table.rows().size() <= n
                ? table
                : new ReportTable(table.key(), table.columns(), table.rows().subList(0, n));
    }

    private static Double hours(int minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    // ------------------------------------------------------------------ helpers

    private MapSqlParameterSource params(ReportFilter f) {
        return new MapSqlParameterSource("from", ts(f.from().atStartOfDay(zone).toInstant()))
                .addValue("to", ts(f.to().plusDays(1).atStartOfDay(zone).toInstant()))
                .addValue("tz", zone.getId())
                .addValue("grain", f.grain().sql())
                .addValue("org", f.organizationId(), java.sql.Types.BIGINT)
                .addValue("staff", f.staffId(), java.sql.Types.BIGINT)
                .addValue("plan", f.planCode(), java.sql.Types.VARCHAR)
                .addValue("fromDay", f.from())
                .addValue("toDay", f.to());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Long countOf(List<List<Object>> rows, Object key) {
        return rows.stream()
                .filter(r -> key.equals(r.get(0)))
                .map(r -> (Long) r.get(1))
                .findFirst()
                .orElse(0L);
    }

    /** Reads a row: dates as LocalDate, integers as Long, decimals as Double, text as String. */
    private static List<Object> row(ResultSet rs, int columns) throws SQLException {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
            Object v = rs.getObject(i);
            if (v instanceof java.sql.Date d) {
                v = d.toLocalDate();
            } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
                v = ((Number) v).longValue();
            } else if (v instanceof java.math.BigDecimal || v instanceof Float || v instanceof Double) {
                v = ((Number) v).doubleValue();
            }
            row.add(v);
        }
        return row;
    }
}
