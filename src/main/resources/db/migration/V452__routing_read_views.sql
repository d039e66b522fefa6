-- The routing module's published read models: each request's SLA deadlines and when they were met,
-- and the deadlines the SLA watch recorded as missed. Plain projections, inlined by PostgreSQL
-- (routing_request_created_idx serves the SLA reports as before). Documented in
-- dev.tidesk.routing's package-info.
create view routing_request_v as
select ticket_id, organization_id, created_at, first_response_due_at, first_response_at,
       resolution_due_at, stopped_at
  from routing_request;

create view routing_sla_breach_v as
select ticket_id, kind, due_at
  from sla_breach;
