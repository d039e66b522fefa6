package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.row;
import static dev.tidesk.report.ReportSql.ts;

import dev.tidesk.shared.Installation;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What each person did: public replies, internal notes and requests resolved as assignee.
 *
 * <p>Reads the ticket module's views {@code ticket_message_v} (by {@code ticket_message_created_idx}) and {@code ticket_request_v} (by {@code ticket_resolved_idx}), and the names in {@code team_staff_v}.
 */
@Component
class StaffActivityReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    StaffActivityReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

    ReportTable agents(Instant from, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("now", ts(now));
        List<List<Object>> rows = jdbc.query(
                """
                with replies as (
                  select author_staff_id as id, count(*) as n from ticket_message_v
                   where created_at >= :from and created_at < :now and kind = 'STAFF_REPLY' and author_staff_id is not null
                   group by 1),
                handled as (
                  select assignee_id as id, count(*) as n from ticket_request_v
                   where resolved_at >= :from and resolved_at < :now and assignee_id is not null
                   group by 1)
                select s.full_name, coalesce(h.n, 0), coalesce(r.n, 0), round(coalesce(r.n, 0) / 4.0, 1)
                  from team_staff_v s left join replies r on r.id = s.id left join handled h on h.id = s.id
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

    /** Per period and person: public replies, internal notes, and requests resolved as assignee. */
    ReportTable staffActivity(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                with messages as (
                  select cast(date_trunc(:grain, m.created_at at time zone :tz) as date) as p, m.author_staff_id as sid,
                         count(*) filter (where m.kind = 'STAFF_REPLY') as replies,
                         count(*) filter (where m.kind = 'INTERNAL_NOTE') as notes
                    from ticket_message_v m
                   where m.created_at >= :from and m.created_at < :to and m.author_staff_id is not null
                     and (cast(:staff as bigint) is null or m.author_staff_id = :staff)
                     and (cast(:org as bigint) is null
                          or exists (select 1 from ticket_request_v t where t.id = m.ticket_id and t.organization_id = :org))
                   group by 1, 2),
                resolved as (
                  select cast(date_trunc(:grain, resolved_at at time zone :tz) as date) as p, assignee_id as sid,
                         count(*) as n
                    from ticket_request_v
                   where resolved_at >= :from and resolved_at < :to and assignee_id is not null
                     and (cast(:staff as bigint) is null or assignee_id = :staff)
                     and (cast(:org as bigint) is null or organization_id = :org)
                   group by 1, 2)
                select coalesce(m.p, r.p), s.full_name, coalesce(m.replies, 0), coalesce(m.notes, 0), coalesce(r.n, 0)
                  from messages m full join resolved r on r.p = m.p and r.sid = m.sid
                  join team_staff_v s on s.id = coalesce(m.sid, r.sid)
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

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
