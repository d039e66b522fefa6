-- The contract module's published read models. Documented in dev.tidesk.contract's package-info.
--
-- contract_client_plan_v: each organization with the plan it is on today, the plan of its running
-- contract's terms in force, or NONE for a one-off client (R7). It replaces report_client_plan
-- (V411), which was the contract module's view under the reader's name.
create view contract_client_plan_v as
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

drop view report_client_plan;

-- contract_deferral_v: requests deferred to a later month, by client, with the client's answer.
create view contract_deferral_v as
select ticket_id, organization_id, status, target_month
  from deferral;

-- contract_closed_month_v: the months of the ledger that have been closed, per contract.
create view contract_closed_month_v as
select contract_id, month
  from ledger_month;
