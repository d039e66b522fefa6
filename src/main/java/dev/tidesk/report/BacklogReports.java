package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.countOf;
import static dev.tidesk.report.ReportSql.first;
import static dev.tidesk.report.ReportSql.row;
import static dev.tidesk.report.ReportSql.ts;

import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dashboard's own figures: the open backlog by age, new and resolved requests per week, first responses, channels, and deferred requests.
 *
 * <p>Reads the ticket module's view {@code ticket_request_v} (by the indexes {@code ticket_open_status_idx}, {@code ticket_created_report_idx}, {@code ticket_resolved_idx} of its table) and the contract module's {@code contract_deferral_v} and {@code contract_closed_month_v}.
 */
@Component
class BacklogReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    BacklogReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

    ReportTable backlog(Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("now", ts(now)).addValue("open", Reports.OPEN_STATUSES);
        List<List<Object>> found = jdbc.query("""
                select status,
                       count(*) filter (where created_at > cast(:now as timestamptz) - interval '1 day'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '1 day'
                                          and created_at > cast(:now as timestamptz) - interval '7 days'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '7 days'
                                          and created_at > cast(:now as timestamptz) - interval '30 days'),
                       count(*) filter (where created_at <= cast(:now as timestamptz) - interval '30 days'),
                       count(*)
                  from ticket_request_v
                 where status in (:open) and status not in """ + Status.FINISHED_SQL + """
                 and created_at <= :now
                 group by status""", p, (rs, i) -> row(rs, 6));
        List<List<Object>> rows = new ArrayList<>();
        for (String status : Reports.OPEN_STATUSES) {
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
                  from ticket_request_v where created_at >= :from and created_at < :now group by 1""", p, (rs, i) -> row(rs, 2));
        List<List<Object>> resolved = jdbc.query("""
                select cast(date_trunc('week', resolved_at at time zone :tz) as date), count(*)
                  from ticket_request_v where resolved_at >= :from and resolved_at < :now group by 1""", p, (rs, i) -> row(rs, 2));
        for (int w = 0; w < 12; w++) {
            LocalDate week = first.plusWeeks(w);
            rows.add(Arrays.asList(week, countOf(created, week), countOf(resolved, week)));
        }
        return new ReportTable(
                "weekly", List.of(Column.period(), Column.count("created"), Column.count("resolved")), rows);
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
                  from ticket_request_v where created_at >= :from and created_at < :now""", p, (rs, i) -> row(rs, 6));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < Reports.RESPONSE_BUCKETS.size(); i++) {
            rows.add(Arrays.asList(Reports.RESPONSE_BUCKETS.get(i), counts.get(i)));
        }
        return new ReportTable(
                "firstResponse",
                List.of(Column.code("firstResponse", "report.bucket."), Column.count("requests")),
                rows);
    }

    ReportTable channels(Instant from, Instant now) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", ts(from)).addValue("now", ts(now));
        List<List<Object>> found = jdbc.query("""
                select channel, count(*) from ticket_request_v where created_at >= :from and created_at < :now group by channel""", p, (rs, i) -> row(rs, 2));
        List<List<Object>> rows = new ArrayList<>();
        for (String channel : Reports.CHANNELS) {
            rows.add(Arrays.asList(channel, countOf(found, channel)));
        }
        return new ReportTable("channels", List.of(Column.code("channel", "channel."), Column.count("requests")), rows);
    }

    /** Requests the clients agreed to defer to a coming month (R10): they come back to the queue on its 1st. */
    ReportTable deferredToNextMonth(LocalDate today) {
        List<List<Object>> rows = jdbc.query("""
                select coalesce(o.name, '—'), count(*)
                  from contract_deferral_v d left join customer_organization_v o on o.id = d.organization_id
                 where d.status = 'ACCEPTED' and d.target_month > :today
                 group by 1 order by 2 desc, 1""", new MapSqlParameterSource("today", today), (rs, i) -> row(rs, 2));
        return new ReportTable("deferred", List.of(Column.text("organization"), Column.count("requests")), rows);
    }

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }

    /** Whether any month has been closed yet (the contract module's view {@code contract_closed_month_v}). */
    boolean anyMonthClosed() {
        return Boolean.TRUE.equals(jdbc.getJdbcTemplate()
                .queryForObject("select exists (select 1 from contract_closed_month_v)", Boolean.class));
    }
}
