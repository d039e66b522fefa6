package dev.tidesk.contract;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which clients are on which terms today: the request filters ask for "clients on Premium" or "clients
 * of this personal manager" and get organization ids, so no other module reads contract tables.
 */
@Service
@Transactional(readOnly = true)
public class ClientsOnTerms {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final dev.tidesk.shared.Installation installation;

    ClientsOnTerms(JdbcTemplate jdbc, Clock clock, dev.tidesk.shared.Installation installation) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.installation = installation;
    }

    /** Organizations whose contract in force today is on this plan; {@code NONE}: one-off clients. */
    public List<Long> onPlan(PlanCode plan) {
        LocalDate today = today();
        return jdbc.queryForList("""
                select o.id from customer_organization_v o
                left join lateral (
                  select ct.plan_code from contract c join contract_terms ct on ct.contract_id = c.id
                   where c.organization_id = o.id and c.start_date <= ? and (c.end_date is null or c.end_date >= ?)
                     and ct.effective_from <= ?
                   order by c.start_date desc, ct.effective_from desc, ct.id desc limit 1) t on true
                where coalesce(t.plan_code, 'NONE') = ?""", Long.class, today, today, today, plan.name());
    }

    /** Organizations whose contract in force today names this personal manager. */
    public List<Long> managedBy(long staffId) {
        LocalDate today = today();
        return jdbc.queryForList("""
                select distinct organization_id from contract
                where personal_manager_id = ? and start_date <= ? and (end_date is null or end_date >= ?)""", Long.class, staffId, today, today);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(installation.timeZone()));
    }
}
