package dev.tidesk.generator;

import dev.tidesk.ticket.Status;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The second phase of the generator: contracts on a mix of plans (some upgraded after a trial),
 * routing and SLA clocks with their breaches, norm-hour entries (about two per handled request),
 * the monthly totals and closed ledger months, specialist tasks and deferrals. Everything is
 * derived from the generated requests by set-based SQL in the same transaction, so it costs a few
 * statements instead of millions of round trips. It is deterministic: every random choice is a
 * hash of a row id and the seed.
 */
class ContractsAndWork {

    /** What was written. */
    record Summary(long contracts, long workEntries, long tasks, long deferrals, long breaches) {}

    private static final String ORG_KEY = "split_part(o.email_domain, '.', 1)";
    private static final String TICKET_KEY = "extract(epoch from t.created_at)";

    private final Connection c;
    private final GeneratorOptions o;
    private final ZoneId zone;
    private final PrintStream out;

    ContractsAndWork(Connection c, GeneratorOptions o, ZoneId zone, PrintStream out) {
        this.c = c;
        this.o = o;
        this.zone = zone;
        this.out = out;
    }

    /**
     * A uniform number in [0, 1) from a key and a salt: the same for the same seed. Keys are what
     * the seed decides (a client's mail domain, a request's creation time), not row ids, which
     * depend on what the database held before.
     */
    private String rnd(String id, String salt) {
        return "(('x' || substr(md5((" + id + ")::text || ':" + o.seed() + ":" + salt + "'), 1, 8))::bit(32)::bigint"
                + " / 4294967296.0)";
    }

    Summary write() throws SQLException {
        LocalDate today = o.until();
        String tz = zone.getId();
        String orgs = "o.email_domain like 'org%." + o.domain().replace("'", "''") + "'";

        step("clients and plans", """
                create temp table gen_org on commit drop as
                select o.id, r.plan, r.r2, r.r3,
                       coalesce((select cast(date_trunc('month', min(t.created_at) at time zone '%2$s') as date)
                                   from ticket t where t.organization_id = o.id), date '%3$s') as start
                  from organization o
                  cross join lateral (select case when %4$s < 0.10 then 'NONE' when %4$s < 0.50 then 'ECONOMY'
                                                  when %4$s < 0.78 then 'STANDARD' when %4$s < 0.93 then 'PREMIUM'
                                                  else 'INDIVIDUAL' end as plan,
                                             %5$s as r2, %6$s as r3) r
                 where %1$s""".formatted(
                        orgs,
                        tz,
                        today.withDayOfMonth(1),
                        rnd(ORG_KEY, "plan"),
                        rnd(ORG_KEY, "manager"),
                        rnd(ORG_KEY, "test")));
        update("""
                create temp table gen_manager on commit drop as
                select id, row_number() over (order by id) - 1 as n from staff
                 where role = 'MANAGER' and email like '%%@%s'""".formatted(o.domain().replace("'", "''")));
        update("""
                create temp table gen_specialist on commit drop as
                select id, full_name, coalesce(specialty, 'DEVELOPER') as specialty, row_number() over (order by id) - 1 as n
                  from staff where role = 'SPECIALIST' and email like '%%@%s'""".formatted(o.domain().replace("'", "''")));

        long contracts = step("contracts", """
                insert into contract (organization_id, number, start_date, personal_manager_id, test_copy_only, created_at)
                select g.id, 'Д-' || lpad(g.id::text, 6, '0'), g.start,
                       case when g.plan in ('PREMIUM', 'INDIVIDUAL')
                            then (select m.id from gen_manager m
                                   where m.n = floor(g.r2 * (select count(*) from gen_manager))) end,
                       g.r3 < 0.2, cast(g.start as timestamp) at time zone '%s'
                  from gen_org g
                 where g.plan <> 'NONE' and not exists (select 1 from contract c where c.organization_id = g.id)""".formatted(tz));
        step("contract terms", """
                insert into contract_terms (contract_id, effective_from, plan_code, name, monthly_fee, included_minutes,
                                            first_response_hours, resolution_hours, personal_manager, tier_rank,
                                            changed_at, changed_by)
                select c.id, c.start_date, g.plan,
                       case when g.plan = 'INDIVIDUAL' then 'Индивидуальный ' || c.number end,
                       case when g.plan = 'INDIVIDUAL' then 40000 + 1000 * floor(g.r2 * 60) end,
                       case when g.plan = 'INDIVIDUAL' then 60 * (25 + floor(g.r2 * 40)::int) end,
                       case when g.plan = 'INDIVIDUAL' then 2 end,
                       case when g.plan = 'INDIVIDUAL' then 16 end,
                       case when g.plan = 'INDIVIDUAL' then true end,
                       case when g.plan = 'INDIVIDUAL' then 0 end,
                       c.created_at, 'generator'
                  from contract c join gen_org g on g.id = c.organization_id
                 where not exists (select 1 from contract_terms t where t.contract_id = c.id)""");
        // a quarter of the Economy clients moved up to Standard after the three-month trial (R11)
        step("trial upgrades", """
                insert into contract_terms (contract_id, effective_from, plan_code, changed_at, changed_by)
                select c.id, cast(c.start_date + interval '3 months' as date), 'STANDARD',
                       cast(c.start_date + interval '3 months' as timestamp) at time zone '%s', 'generator'
                  from contract c join gen_org g on g.id = c.organization_id
                 where g.plan = 'ECONOMY' and g.r2 < 0.25 and c.start_date + interval '3 months' <= date '%s'
                   and (select count(*) from contract_terms t where t.contract_id = c.id) = 1""".formatted(tz, today));
        update("""
                update contract c set trial_decision = 'UPGRADE', trial_decided_by = 'generator',
                       trial_decided_at = cast(c.start_date + interval '3 months' as timestamp) at time zone '%s'
                  from gen_org g
                 where g.id = c.organization_id and (select count(*) from contract_terms t where t.contract_id = c.id) > 1
                   and c.trial_decision is null""".formatted(tz));
        step("routing terms", """
                insert into routing_client_terms (organization_id, tier_rank, personal_manager_id, first_response_hours,
                                                  resolution_hours, test_copy_only)
                select c.organization_id, coalesce(t.tier_rank, p.tier_rank), c.personal_manager_id,
                       coalesce(t.first_response_hours, p.first_response_hours),
                       coalesce(t.resolution_hours, p.resolution_hours), c.test_copy_only
                  from contract c join gen_org g on g.id = c.organization_id
                  cross join lateral (select * from contract_terms t where t.contract_id = c.id
                                       order by t.effective_from desc, t.id desc limit 1) t
                  left join plan p on p.code = t.plan_code
                on conflict (organization_id) do update set tier_rank = excluded.tier_rank,
                    personal_manager_id = excluded.personal_manager_id,
                    first_response_hours = excluded.first_response_hours,
                    resolution_hours = excluded.resolution_hours, test_copy_only = excluded.test_copy_only""");

        // SLA clocks: targets are business hours; a working week of 5 x 9 hours is about 3.7 times
        // shorter than the calendar, so the deadline is that far from the creation.
        step("routing and SLA clocks", """
                insert into routing_request (ticket_id, organization_id, urgency_rank, tier_rank, created_at, queued,
                    first_response_minutes, resolution_minutes, first_response_due_at, resolution_due_at,
                    first_response_at, stopped_at, paused_since, due_at)
                select t.id, t.organization_id, t.urgency_rank, coalesce(rt.tier_rank, 9), t.created_at,
                       t.assignee_id is null and t.status in %1$s,
                       rt.first_response_hours * 60, rt.resolution_hours * 60, fr.due, res.due,
                       t.first_response_at, s.stopped,
                       case when t.status in %2$s then t.updated_at end,
                       case when s.stopped is null and t.status not in %2$s
                            then case when t.first_response_at is null then fr.due else res.due end end
                  from ticket t
                  join gen_org g on g.id = t.organization_id
                  left join routing_client_terms rt on rt.organization_id = t.organization_id
                  cross join lateral (select t.created_at + make_interval(mins => round(rt.first_response_hours * 60 * 3.7)::int) as due) fr
                  cross join lateral (select t.created_at + make_interval(mins => round(rt.resolution_hours * 60 * 3.7)::int) as due) res
                  cross join lateral (select case when t.status in %3$s
                                                  then coalesce(t.resolved_at, t.closed_at, t.updated_at) end as stopped) s
                on conflict (ticket_id) do update set tier_rank = excluded.tier_rank, queued = excluded.queued,
                    first_response_minutes = excluded.first_response_minutes,
                    resolution_minutes = excluded.resolution_minutes,
                    first_response_due_at = excluded.first_response_due_at,
                    resolution_due_at = excluded.resolution_due_at, first_response_at = excluded.first_response_at,
                    stopped_at = excluded.stopped_at, paused_since = excluded.paused_since, due_at = excluded.due_at""".formatted(
                        Status.sqlList(Status.NEW, Status.OPEN, Status.IN_PROGRESS),
                        Status.sqlList(Status.WAITING_FOR_CLIENT, Status.DEFERRED),
                        Status.FINISHED_SQL));
        String now = "cast(date '" + today.plusDays(1) + "' as timestamp) at time zone '" + tz + "'";
        long breaches = step("SLA breaches (first reply)", """
                insert into sla_breach (ticket_id, kind, due_at, recorded_at, assignee_id)
                select r.ticket_id, 'FIRST_RESPONSE', r.first_response_due_at, r.first_response_due_at, t.assignee_id
                  from routing_request r join ticket t on t.id = r.ticket_id join gen_org g on g.id = t.organization_id
                 where r.first_response_due_at is not null
                   and coalesce(r.first_response_at, %1$s) > r.first_response_due_at
                   and r.first_response_due_at < %1$s
                on conflict (ticket_id, kind) do nothing""".formatted(now));
        breaches += step("SLA breaches (resolution)", """
                insert into sla_breach (ticket_id, kind, due_at, recorded_at, assignee_id)
                select r.ticket_id, 'RESOLUTION', r.resolution_due_at, r.resolution_due_at, t.assignee_id
                  from routing_request r join ticket t on t.id = r.ticket_id join gen_org g on g.id = t.organization_id
                 where r.resolution_due_at is not null and r.paused_since is null
                   and coalesce(r.stopped_at, %1$s) > r.resolution_due_at
                   and r.resolution_due_at < %1$s
                on conflict (ticket_id, kind) do nothing""".formatted(now));
        // a request past its SLA and still open comes first within its urgency in the queue
        step("SLA breaches in the queue", """
                update routing_request r set breached_at = b.due_at
                  from (select ticket_id, min(due_at) as due_at from sla_breach group by ticket_id) b
                 where b.ticket_id = r.ticket_id and r.stopped_at is null
                   and r.organization_id in (select id from gen_org)""");

        // Norm-hours: one to three entries per handled request, 5 to 35 minutes each, mostly work
        long entries = step("norm-hour entries", """
                insert into work_entry (ticket_id, organization_id, staff_id, staff_name, day, minutes, kind,
                                        created_at, updated_at)
                select t.id, t.organization_id, t.assignee_id, t.assignee_name, d.day,
                       5 * (1 + floor(%2$s * 7)::int),
                       case when %3$s < 0.7 then 'WORK' when %3$s < 0.9 then 'CONSULTATION'
                            when %3$s < 0.95 then 'TEST_COPY_SYNC' else 'DEPLOY' end,
                       t.created_at + make_interval(hours => k), t.created_at + make_interval(hours => k)
                  from ticket t
                  join gen_org g on g.id = t.organization_id
                  cross join lateral generate_series(1, 1 + floor(%1$s * 3)::int) k
                  cross join lateral (select least(cast((t.created_at at time zone '%4$s') as date) + (k - 1),
                                                   date '%5$s') as day) d
                 where t.assignee_id is not null
                   and not exists (select 1 from work_entry w where w.ticket_id = t.id)""".formatted(
                        rnd(TICKET_KEY, "entries"),
                        rnd(TICKET_KEY + " || ':' || k", "minutes"),
                        rnd(TICKET_KEY + " || ':' || k", "kind"),
                        tz,
                        today));
        step("norm-hours per month", """
                insert into work_month (organization_id, month, minutes)
                select w.organization_id, cast(date_trunc('month', w.day) as date), sum(w.minutes)
                  from work_entry w join gen_org g on g.id = w.organization_id
                 group by 1, 2
                on conflict (organization_id, month) do update set minutes = excluded.minutes""");
        step("closed ledger months", """
                insert into ledger_month (contract_id, month, included_minutes, used_minutes, closed_at)
                select c.id, cast(m as date), coalesce(t.included_minutes, p.included_minutes),
                       coalesce(wm.minutes, 0), m + interval '1 month 5 minutes'
                  from contract c
                  join gen_org g on g.id = c.organization_id
                  cross join lateral generate_series(cast(c.start_date as timestamp),
                                                     cast(date '%s' as timestamp) - interval '1 month',
                                                     interval '1 month') m
                  cross join lateral (select * from contract_terms t where t.contract_id = c.id
                                         and t.effective_from <= m order by t.effective_from desc, t.id desc limit 1) t
                  left join plan p on p.code = t.plan_code
                  left join work_month wm on wm.organization_id = c.organization_id and wm.month = cast(m as date)
                on conflict (contract_id, month) do nothing""".formatted(today.withDayOfMonth(1)));

        // Specialist tasks on 3% of the handled requests; on the test copy for test-first clients
        long tasks = step("specialist tasks", """
                insert into task (ticket_id, tid, organization_id, specialty, assignee_id, assignee_name, title,
                                  estimate_hours, environment, status, created_at, updated_at)
                select t.id, t.tid, t.organization_id, s.specialty, s.id, s.full_name, left(t.subject, 300),
                       1 + floor(%2$s * 8), e.env,
                       case when t.status in %6$s then 'DONE'
                            when e.env = 'TEST' then (array['TODO', 'IN_PROGRESS', 'ON_TEST_COPY',
                                                            'AWAITING_CLIENT_ACCEPTANCE'])[1 + floor(%3$s * 4)::int]
                            else (array['TODO', 'IN_PROGRESS'])[1 + floor(%3$s * 2)::int] end,
                       t.created_at + interval '2 hours', greatest(t.updated_at, t.created_at + interval '2 hours')
                  from ticket t
                  join gen_org g on g.id = t.organization_id
                  left join routing_client_terms rt on rt.organization_id = t.organization_id
                  join gen_specialist s on s.n = floor(%4$s * (select count(*) from gen_specialist))
                  cross join lateral (select case when coalesce(rt.test_copy_only, false) or %5$s < 0.3
                                                  then 'TEST' else 'LIVE' end as env) e
                 where t.assignee_id is not null and %1$s < 0.03
                   and not exists (select 1 from task k where k.ticket_id = t.id)""".formatted(
                        rnd(TICKET_KEY, "task"),
                        rnd(TICKET_KEY, "estimate"),
                        rnd(TICKET_KEY, "status"),
                        rnd(TICKET_KEY, "specialist"),
                        rnd(TICKET_KEY, "environment"),
                        Status.FINISHED_SQL));
        update("""
                insert into task_history (task_id, ticket_id, at, actor, from_status, to_status)
                select k.id, k.ticket_id, k.created_at, 'generator', null, 'TODO'
                  from task k join gen_org g on g.id = k.organization_id
                 where not exists (select 1 from task_history h where h.task_id = k.id)""");
        update("""
                insert into task_history (task_id, ticket_id, at, actor, from_status, to_status)
                select k.id, k.ticket_id, k.updated_at, k.assignee_name, 'TODO', k.status
                  from task k join gen_org g on g.id = k.organization_id
                 where k.status <> 'TODO'
                   and not exists (select 1 from task_history h where h.task_id = k.id and h.from_status = 'TODO')""");

        // Deferrals (R10): today's deferred requests come back next month; a few closed ones came back before
        long deferrals = step("deferrals", """
                insert into deferral (ticket_id, organization_id, target_month, status, token_hash, expires_at,
                                      proposed_by, proposed_at, answered_by, answered_at, returned_at)
                select t.id, t.organization_id, x.target, x.status, md5('deferral:' || t.id || ':%3$s'),
                       t.created_at + interval '7 days', coalesce(t.assignee_name, 'generator'),
                       t.created_at + interval '1 hour', t.contact_name, t.created_at + interval '5 hours',
                       case when x.status = 'RETURNED' then cast(x.target as timestamp) at time zone '%2$s' end
                  from ticket t
                  join gen_org g on g.id = t.organization_id
                  cross join lateral (select case when t.status = %5$s
                                                  then cast(date '%4$s' + interval '1 month' as date)
                                                  else cast(date_trunc('month', t.created_at at time zone '%2$s')
                                                            + interval '1 month' as date) end as target,
                                             case when t.status = %5$s then 'ACCEPTED' else 'RETURNED' end as status) x
                 where (t.status = %5$s or (t.status = %6$s and %1$s < 0.002))
                   and not exists (select 1 from deferral d where d.ticket_id = t.id)""".formatted(
                        rnd(TICKET_KEY, "deferral"),
                        tz,
                        o.seed(),
                        today.withDayOfMonth(1),
                        Status.DEFERRED.sql(),
                        Status.CLOSED.sql()));
        return new Summary(contracts, entries, tasks, deferrals, breaches);
    }

    private long step(String what, String sql) throws SQLException {
        long started = System.nanoTime();
        long rows = update(sql);
        out.printf(
                "  %-28s %,12d rows  %s%n",
                what, rows, ProgressBar.format(Duration.ofNanos(System.nanoTime() - started)));
        return rows;
    }

    private long update(String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return 0;
                }
            }
            return ps.getLargeUpdateCount();
        }
    }
}
