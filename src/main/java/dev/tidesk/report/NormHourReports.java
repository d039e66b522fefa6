package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.row;

import dev.tidesk.shared.Installation;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Norm-hours logged per period and person, by kind of work (R8): the team's load.
 *
 * <p>Reads the worklog module's view {@code worklog_entry_v} (by {@code work_entry_day_idx}), the names in {@code team_staff_v} and the contract module's view {@code contract_client_plan_v}.
 */
@Component
class NormHourReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    NormHourReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

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
                  from worklog_entry_v e join team_staff_v s on s.id = e.staff_id
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
    ReportTable normHours(ReportFilter f) {
        List<List<Object>> rows = jdbc.query("""
                select cast(date_trunc(:grain, e.day) as date), s.full_name,
                       round(sum(e.minutes) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'WORK'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'CONSULTATION'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'TEST_COPY_SYNC'), 0) / 60.0, 2),
                       round(coalesce(sum(e.minutes) filter (where e.kind = 'DEPLOY'), 0) / 60.0, 2),
                       count(distinct e.ticket_id)
                  from worklog_entry_v e join team_staff_v s on s.id = e.staff_id
                 where e.day >= :fromDay and e.day <= :toDay
                   and (cast(:org as bigint) is null or e.organization_id = :org)
                   and (cast(:staff as bigint) is null or e.staff_id = :staff)
                   and (cast(:plan as varchar) is null
                        or e.organization_id in (select organization_id from contract_client_plan_v where plan_code = :plan))
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

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
