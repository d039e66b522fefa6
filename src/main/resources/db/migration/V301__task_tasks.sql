-- Specialist tasks (R13) of a request, done on the live site or on the test copy (R14).
create table task (
  id              bigserial primary key,
  ticket_id       bigint        not null references ticket (id),
  tid             varchar(40)   not null,
  organization_id bigint,
  specialty       varchar(30)   not null,
  assignee_id     bigint        not null,
  assignee_name   varchar(200)  not null,
  title           varchar(300)  not null,
  description     text,
  estimate_hours  numeric(6, 2) not null check (estimate_hours > 0),
  environment     varchar(10)   not null check (environment in ('LIVE', 'TEST')),
  status          varchar(30)   not null check (status in ('TODO', 'IN_PROGRESS', 'ON_TEST_COPY',
                      'AWAITING_CLIENT_ACCEPTANCE', 'DEPLOYING', 'DONE', 'CANCELLED')),
  client_comment  text,
  created_at      timestamptz   not null,
  updated_at      timestamptz   not null,
  version         int           not null default 0
);
create index task_ticket_idx on task (ticket_id, id);
create index task_assignee_idx on task (assignee_id, updated_at desc) where status not in ('DONE', 'CANCELLED');

-- Every step of a task: who, when, from which status to which, and the client's comment on a decline.
create table task_history (
  id          bigserial primary key,
  task_id     bigint       not null references task (id),
  ticket_id   bigint       not null references ticket (id),
  at          timestamptz  not null,
  actor       varchar(200) not null,
  from_status varchar(30),
  to_status   varchar(30)  not null,
  comment     text
);
create index task_history_ticket_idx on task_history (ticket_id, at, id);
