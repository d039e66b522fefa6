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
 * The clients' ratings ("Вопрос решён?") per agent, client and plan.
 *
 * <p>Reads the ticket module's view {@code ticket_rating_v}, the names in {@code team_staff_v} and {@code customer_organization_v}, and the contract module's view {@code contract_client_plan_v}.
 */
@Component
class SatisfactionReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final ZoneId zone;

    SatisfactionReports(NamedParameterJdbcTemplate jdbc, Installation installation) {
        this.jdbc = jdbc;
        this.zone = installation.timeZone();
    }

    /** "Вопрос решён?" per agent who had the request: ratings given in the period, good and bad, the good share. */
    ReportTable satisfactionByAgent(ReportFilter f) {
        return satisfaction(f, "coalesce(s.full_name, '—')", "satisfactionByAgent", Column.text("person"));
    }

    /** "Вопрос решён?" per client. */
    ReportTable satisfactionByClient(ReportFilter f) {
        return satisfaction(f, "coalesce(o.name, '—')", "satisfactionByClient", Column.text("organization"));
    }

    /** "Вопрос решён?" per plan the client is on now. */
    ReportTable satisfactionByPlan(ReportFilter f) {
        return satisfaction(
                f, "coalesce(p.plan_code, 'NONE')", "satisfactionByPlan", Column.code("plan", "contract.plan."));
    }

    /** The clients' ratings given in the period: how many, good, bad, and the share of good ones. */
    private ReportTable satisfaction(ReportFilter f, String group, String key, Column first) {
        List<List<Object>> rows = jdbc.query("""
                with p as materialized (select organization_id, plan_code from contract_client_plan_v)
                select %s as grp, count(*), count(*) filter (where r.good), count(*) filter (where not r.good),
                       round(100.0 * count(*) filter (where r.good) / nullif(count(*), 0), 1)
                  from ticket_rating_v r
                  left join p on p.organization_id = r.organization_id
                  left join team_staff_v s on s.id = r.agent_id
                  left join customer_organization_v o on o.id = r.organization_id
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

    private MapSqlParameterSource params(ReportFilter f) {
        return ReportSql.params(f, zone);
    }
}
