package dev.tidesk.report;

import static dev.tidesk.report.ReportSql.first;
import static dev.tidesk.report.ReportSql.row;

import dev.tidesk.shared.Installation;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SLA deadlines of the requests created in the period, met and breached, per plan and per assignee (R12).
 *
 * <p>Reads the routing module's views {@code routing_request_v} and {@code routing_sla_breach_v}, {@code ticket_request_v}, {@code team_staff_v} and the contract module's view {@code contract_client_plan_v}.
 */
@Component
class SlaReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    SlaReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

    /** SLA deadlines of the requests created in the period, met and breached, per plan (R12). */
    ReportTable slaByPlan(ReportFilter f) {
        return sla(f, "coalesce(p.plan_code, 'NONE')", "slaByPlan", Column.code("plan", "contract.plan."));
    }

    /** SLA deadlines of the requests created in the period, met and breached, per assignee. */
    ReportTable slaByAgent(ReportFilter f) {
        return sla(f, "coalesce(s.full_name, '—')", "slaByAgent", Column.text("person"));
    }

    /**
     * A deadline is met when the reply (or the resolution) came by it and no breach was recorded,
     * breached when the SLA watch recorded a breach; a running clock not yet due is neither. The
     * period's routing rows are read by {@code routing_request_created_idx}, and each one's assignee
     * by the ticket's primary key ({@code offset 0} keeps the planner from making that a hash join
     * over the whole ticket table, which PageBudgetTests caught).
     */
    private ReportTable sla(ReportFilter f, String group, String key, Column first) {
        List<List<Object>> rows = jdbc.query("""
                with p as materialized (select organization_id, plan_code from contract_client_plan_v),
                r as (
                  select %s as grp,
                         r.first_response_due_at is not null as fr_due,
                         coalesce(r.first_response_at <= r.first_response_due_at, false) and b1.ticket_id is null as fr_met,
                         b1.ticket_id is not null as fr_breached,
                         r.resolution_due_at is not null as res_due,
                         coalesce(r.stopped_at <= r.resolution_due_at, false) and b2.ticket_id is null as res_met,
                         b2.ticket_id is not null as res_breached
                    from routing_request_v r
                    join lateral (select assignee_id from ticket_request_v where id = r.ticket_id offset 0) t on true
                    left join p on p.organization_id = r.organization_id
                    left join team_staff_v s on s.id = t.assignee_id
                    left join routing_sla_breach_v b1 on b1.ticket_id = r.ticket_id and b1.kind = 'FIRST_RESPONSE'
                    left join routing_sla_breach_v b2 on b2.ticket_id = r.ticket_id and b2.kind = 'RESOLUTION'
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

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
