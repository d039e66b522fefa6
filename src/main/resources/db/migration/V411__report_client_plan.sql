-- Each organization with the plan it is on today: the plan of its running contract's terms in
-- force, or NONE for a one-off client (R7). Reports filter and group by it.
create view report_client_plan as
select o.id as organization_id, coalesce(t.plan_code, 'NONE') as plan_code
  from organization o
  left join lateral (
    select ct.plan_code
      from contract c join contract_terms ct on ct.contract_id = c.id
     where c.organization_id = o.id and c.start_date <= current_date
       and (c.end_date is null or c.end_date >= current_date)
       and ct.effective_from <= current_date
     order by c.start_date desc, ct.effective_from desc, ct.id desc
     limit 1) t on true;

-- The norm-hour report reads entries by day
create index work_entry_day_idx on work_entry (day) include (staff_id, organization_id, kind, minutes);
