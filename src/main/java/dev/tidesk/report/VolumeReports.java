package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.row;

import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.Status;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests created per period, per client and site, per tag, and how fast they were answered and resolved.
 *
 * <p>Reads the ticket module's views {@code ticket_request_v} (through its table's covering index {@code ticket_created_report_idx}) and {@code ticket_tag_v}, and the names in {@code customer_organization_v} and {@code customer_site_v}.
 */
@Component
class VolumeReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    VolumeReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

    /** Requests created per period, by channel and urgency. */
    ReportTable volume(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, created_at at time zone :tz) as date), count(*),
                       count(*) filter (where channel = 'EMAIL'), count(*) filter (where channel = 'PORTAL'),
                       count(*) filter (where channel = 'PHONE'), count(*) filter (where channel = 'API'),
                       count(*) filter (where urgency = 'CRITICAL'), count(*) filter (where urgency = 'HIGH'),
                       count(*) filter (where urgency = 'NORMAL'), count(*) filter (where urgency = 'LOW')
                  from ticket_request_v
                 where created_at >= :from and created_at < :to
                   and (cast(:org as bigint) is null or organization_id = :org)
                   and (cast(:staff as bigint) is null or assignee_id = :staff)
                 group by 1 order by 1""", params(f), (rs, i) -> row(rs, 10));
        List<Column> columns = new ArrayList<>(List.of(Column.period(), Column.count("total")));
        Reports.CHANNELS.forEach(c -> columns.add(new Column("channel." + c, Column.Kind.COUNT, null)));
        Reports.URGENCIES.forEach(u -> columns.add(new Column("urgency." + u, Column.Kind.COUNT, null)));
        return new ReportTable("volume", columns, rows);
    }

    /** Requests created in the period per client organization and site, the busiest first. */
    ReportTable volumeBySite(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select coalesce(o.name, t.organization_name, '—'), coalesce(s.live_url, '—'), count(*),
                       count(*) filter (where t.status not in """ + Status.FINISHED_SQL + """
                       )
                  from ticket_request_v t
                  left join customer_organization_v o on o.id = t.organization_id
                  left join customer_site_v s on s.id = t.site_id
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
    ReportTable tags(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select g.tag, count(*), count(*) filter (where t.status not in """ + Status.FINISHED_SQL + """
                       )
                  from ticket_tag_v g
                  join ticket_request_v t on t.id = g.ticket_id
                 where t.created_at >= :from and t.created_at < :to
                   and (cast(:org as bigint) is null or t.organization_id = :org)
                   and (cast(:staff as bigint) is null or t.assignee_id = :staff)
                 group by 1 order by 2 desc, 1 limit 200""", params(f), (rs, i) -> row(rs, 3));
        return new ReportTable("tags", List.of(Column.text("tag"), Column.count("total"), Column.count("open")), rows);
    }

    /** Per period of creation: how fast requests got their first reply and were resolved. */
    ReportTable responseTimes(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, created_at at time zone :tz) as date), count(*), count(first_response_at),
                       round(cast(percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at) / 60) as numeric), 1),
                       round(cast(percentile_cont(0.9) within group (order by extract(epoch from first_response_at - created_at) / 60) as numeric), 1),
                       round(100.0 * count(*) filter (where first_response_at - created_at <= interval '1 hour')
                             / nullif(count(first_response_at), 0), 1),
                       count(resolved_at),
                       round(cast(percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 60) as numeric), 1)
                  from ticket_request_v
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

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
