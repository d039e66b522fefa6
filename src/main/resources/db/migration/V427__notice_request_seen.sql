-- When each staff member last opened a request: a queue row is marked while the client has written
-- since (or the person has never opened it).
create table request_seen (
  staff_id  bigint      not null references staff (id),
  ticket_id bigint      not null references ticket (id),
  seen_at   timestamptz not null,
  primary key (staff_id, ticket_id)
);
