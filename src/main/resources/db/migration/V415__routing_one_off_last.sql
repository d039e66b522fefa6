-- One-off clients come after every subscriber, whatever the urgency: the queue's index leads with it.
drop index routing_queue_idx;
create index routing_queue_idx on routing_request ((tier_rank = 9), urgency_rank, due_at, tier_rank, created_at, ticket_id)
  where queued;
