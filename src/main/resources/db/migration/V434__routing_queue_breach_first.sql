-- A request past its SLA comes first within its urgency, the one that missed its deadline earliest
-- first. breached_at is the earliest deadline (first response or resolution) the request missed
-- since it was last opened; it survives a late answer and a pause, and is cleared when the request
-- is resolved or closed. The queue sorts on coalesce(breached_at, due_at): a missed deadline lies
-- in the past, a deadline still to meet in the future, so one index key orders both.
alter table routing_request add column breached_at timestamptz;

update routing_request r
   set breached_at = b.due_at
  from (select ticket_id, min(due_at) as due_at from sla_breach group by ticket_id) b
 where b.ticket_id = r.ticket_id and r.stopped_at is null;

update routing_request
   set breached_at = due_at
 where stopped_at is null and due_at is not null and due_at <= now()
   and (breached_at is null or breached_at > due_at);

drop index routing_queue_idx;
create index routing_queue_idx on routing_request ((tier_rank = 9), urgency_rank, coalesce(breached_at, due_at),
  tier_rank, created_at, ticket_id) where queued;
