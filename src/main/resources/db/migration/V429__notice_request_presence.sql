-- Who is writing a reply on which request right now, so two agents don't answer one client twice.
-- A row is a heartbeat from the reply box; only the last 30 seconds count. Kept in the database,
-- not in one node's memory, so every node of an installation sees every colleague.
create unlogged table request_presence (
  ticket_id  bigint      not null references ticket (id) on delete cascade,
  staff_id   bigint      not null references staff (id) on delete cascade,
  typing_at  timestamptz not null,
  primary key (ticket_id, staff_id)
);
