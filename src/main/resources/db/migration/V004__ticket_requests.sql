-- One row holds the last TID number handed out; incrementing it inside the creating
-- transaction makes numbers gapless: a rolled-back request gives its number back.
create table tid_counter (
  id          int primary key check (id = 1),
  last_number bigint not null
);
insert into tid_counter (id, last_number) values (1, 10000);

create table ticket (
  id              bigserial primary key,
  number          bigint       not null,
  tid             varchar(40)  not null,
  subject         varchar(300) not null,
  organization_id bigint,
  organization_name varchar(200),
  contact_id      bigint,
  contact_name    varchar(200),
  contact_email   varchar(200),
  site_id         bigint,
  channel         varchar(10)  not null check (channel in ('EMAIL', 'PHONE', 'PORTAL', 'API')),
  urgency         varchar(10)  not null check (urgency in ('CRITICAL', 'HIGH', 'NORMAL', 'LOW')),
  urgency_rank    smallint     not null, -- 0 critical .. 3 low, for ordering
  status          varchar(20)  not null check (status in ('NEW', 'OPEN', 'IN_PROGRESS', 'WAITING_FOR_CLIENT', 'DEFERRED', 'RESOLVED', 'CLOSED')),
  assignee_id     bigint,
  assignee_name   varchar(200),
  created_at      timestamptz  not null,
  updated_at      timestamptz  not null,
  first_response_at timestamptz,
  resolved_at     timestamptz,
  closed_at       timestamptz,
  version         int          not null default 0,
  search_vector   tsvector generated always as (
      setweight(to_tsvector('russian', coalesce(subject, '')), 'A')
   || setweight(to_tsvector('english', coalesce(subject, '')), 'A')
   || setweight(to_tsvector('simple', coalesce(contact_name, '') || ' ' || coalesce(contact_email, '') || ' ' || coalesce(organization_name, '')), 'B')
  ) stored
);
create unique index ticket_number_uk on ticket (number);
create unique index ticket_tid_uk on ticket (tid);
create index ticket_org_created_idx on ticket (organization_id, created_at desc);
create index ticket_org_status_idx on ticket (organization_id, status);
create index ticket_open_queue_idx on ticket (urgency_rank, created_at) where status not in ('RESOLVED', 'CLOSED');
create index ticket_unassigned_idx on ticket (created_at) where assignee_id is null and status not in ('RESOLVED', 'CLOSED');
create index ticket_assignee_idx on ticket (assignee_id, updated_at desc) where status not in ('RESOLVED', 'CLOSED');
create index ticket_search_idx on ticket using gin (search_vector);

create table ticket_message (
  id           bigserial primary key,
  ticket_id    bigint      not null references ticket (id),
  kind         varchar(20) not null check (kind in ('CLIENT', 'STAFF_REPLY', 'INTERNAL_NOTE')),
  author_name  varchar(200) not null,
  author_staff_id   bigint,
  author_contact_id bigint,
  body         text        not null,
  created_at   timestamptz not null,
  search_vector tsvector generated always as (
      to_tsvector('russian', coalesce(body, '')) || to_tsvector('english', coalesce(body, ''))
  ) stored
);
create index ticket_message_ticket_idx on ticket_message (ticket_id, created_at);
create index ticket_message_search_idx on ticket_message using gin (search_vector);

create table ticket_attachment (
  id           bigserial primary key,
  ticket_id    bigint       not null references ticket (id),
  message_id   bigint       references ticket_message (id),
  filename     varchar(300) not null,
  content_type varchar(200) not null,
  size_bytes   bigint       not null,
  sha256       varchar(64)  not null,
  content      bytea        not null,
  created_at   timestamptz  not null
);
create index ticket_attachment_ticket_idx on ticket_attachment (ticket_id);

create table ticket_history (
  id         bigserial primary key,
  ticket_id  bigint       not null references ticket (id),
  at         timestamptz  not null,
  actor      varchar(200) not null,
  field      varchar(30)  not null,
  from_value varchar(300),
  to_value   varchar(300)
);
create index ticket_history_ticket_idx on ticket_history (ticket_id, at);
