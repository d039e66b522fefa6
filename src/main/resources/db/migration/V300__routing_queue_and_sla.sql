-- Routing's read model of each client's terms, fed by the contract module (ContractTermsChanged).
-- tier_rank: 0 Premium, 1 Standard, 2 Economy; a one-off client has no row (rank 9 in the queue).
create table routing_client_terms (
  organization_id      bigint primary key,
  tier_rank            smallint not null check (tier_rank between 0 and 8),
  personal_manager_id  bigint,
  first_response_hours int,
  resolution_hours     int,
  test_copy_only       boolean not null default false,
  updated_at           timestamptz not null default now()
);

-- One row per request: the queue's sort keys and the SLA clocks (business-time deadlines).
create table routing_request (
  ticket_id              bigint primary key references ticket (id),
  organization_id        bigint,
  urgency_rank           smallint not null,
  tier_rank              smallint not null,
  created_at             timestamptz not null,
  -- open, nobody has it, not deferred, not held for a personal manager
  queued                 boolean not null,
  -- the nearest running SLA deadline (first response, then resolution); null when none or paused
  due_at                 timestamptz,
  held_for_id            bigint,
  held_until             timestamptz,
  first_response_minutes int,
  resolution_minutes     int,
  first_response_due_at  timestamptz,
  resolution_due_at      timestamptz,
  first_response_at      timestamptz,
  stopped_at             timestamptz,
  paused_since           timestamptz,
  warned_first_response  boolean not null default false,
  warned_resolution      boolean not null default false
);
-- serves the priority ORDER BY of the unassigned queue and take-next
create index routing_queue_idx on routing_request (urgency_rank, due_at, tier_rank, created_at, ticket_id) where queued;
create index routing_held_idx on routing_request (held_for_id) where held_for_id is not null;
create index routing_running_idx on routing_request (due_at) where stopped_at is null and due_at is not null;

create table sla_breach (
  id          bigserial primary key,
  ticket_id   bigint      not null references ticket (id),
  kind        varchar(20) not null check (kind in ('FIRST_RESPONSE', 'RESOLUTION')),
  due_at      timestamptz not null,
  recorded_at timestamptz not null,
  assignee_id bigint,
  unique (ticket_id, kind)
);
create index sla_breach_recorded_idx on sla_breach (recorded_at);

-- The installation's working calendar: zone (null = the installation's), hours, and exception days.
create table routing_calendar (
  id         int primary key check (id = 1),
  time_zone  varchar(60),
  work_start time not null,
  work_end   time not null
);
insert into routing_calendar (id, time_zone, work_start, work_end) values (1, null, '09:00', '18:00');

-- Days that differ from the Mon-Fri rule: holidays and days off (working = false) and
-- transferred working Saturdays/Sundays (working = true).
create table routing_calendar_day (
  day     date primary key,
  working boolean not null,
  note    varchar(200)
);

-- Production calendar of the Russian Federation, 2026 (Labour Code art. 112 and the Government
-- decree on transfers of days off in 2026: Sat 3 Jan -> Fri 9 Jan, Sun 4 Jan -> Thu 31 Dec).
insert into routing_calendar_day (day, working, note) values
  ('2026-01-01', false, 'Новогодние каникулы'),
  ('2026-01-02', false, 'Новогодние каникулы'),
  ('2026-01-05', false, 'Новогодние каникулы'),
  ('2026-01-06', false, 'Новогодние каникулы'),
  ('2026-01-07', false, 'Рождество Христово'),
  ('2026-01-08', false, 'Новогодние каникулы'),
  ('2026-01-09', false, 'Перенос с 3 января'),
  ('2026-02-23', false, 'День защитника Отечества'),
  ('2026-03-09', false, 'Перенос с 8 марта'),
  ('2026-05-01', false, 'Праздник Весны и Труда'),
  ('2026-05-11', false, 'Перенос с 9 мая'),
  ('2026-06-12', false, 'День России'),
  ('2026-11-04', false, 'День народного единства'),
  ('2026-12-31', false, 'Перенос с 4 января');

-- 2027: the holidays of the Labour Code and its automatic transfers (a holiday on a weekend moves
-- to the next working day). The Government's decree for 2027 may move more days: admins add them
-- on the calendar page.
insert into routing_calendar_day (day, working, note) values
  ('2027-01-01', false, 'Новогодние каникулы'),
  ('2027-01-04', false, 'Новогодние каникулы'),
  ('2027-01-05', false, 'Новогодние каникулы'),
  ('2027-01-06', false, 'Новогодние каникулы'),
  ('2027-01-07', false, 'Рождество Христово'),
  ('2027-01-08', false, 'Новогодние каникулы'),
  ('2027-02-23', false, 'День защитника Отечества'),
  ('2027-03-08', false, 'Международный женский день'),
  ('2027-05-03', false, 'Перенос с 1 мая'),
  ('2027-05-10', false, 'Перенос с 9 мая'),
  ('2027-06-14', false, 'Перенос с 12 июня'),
  ('2027-11-04', false, 'День народного единства');

-- Requests that exist before routing: in the queue as one-off clients without SLA clocks until
-- their terms arrive.
insert into routing_request (ticket_id, organization_id, urgency_rank, tier_rank, created_at, queued,
                             first_response_at, stopped_at)
select id, organization_id, urgency_rank, 9, created_at,
       assignee_id is null and status not in ('RESOLVED', 'CLOSED', 'DEFERRED'),
       first_response_at,
       case when status in ('RESOLVED', 'CLOSED') then coalesce(resolved_at, closed_at, updated_at) end
from ticket;
