-- Norm-hour entries (нормочасы): who worked how long on which request (and later task), on which day.
create table work_entry (
  id               bigserial    primary key,
  ticket_id        bigint       not null,
  task_id          bigint,
  organization_id  bigint,
  staff_id         bigint       not null,
  staff_name       varchar(200) not null,
  day              date         not null,
  minutes          int          not null check (minutes > 0 and minutes <= 1440),
  kind             varchar(20)  not null check (kind in ('WORK', 'CONSULTATION', 'TEST_COPY_SYNC', 'DEPLOY')),
  comment          varchar(1000),
  created_at       timestamptz  not null,
  updated_at       timestamptz  not null,
  version          int          not null default 0
);
create index work_entry_ticket_idx on work_entry (ticket_id);
-- the ledger sums minutes per organization and month: an index-only scan
create index work_entry_org_day_idx on work_entry (organization_id, day) include (minutes);
create index work_entry_staff_day_idx on work_entry (staff_id, day);

-- every change to an entry, with who made it: entries are editable, never silently
create table work_entry_change (
  id          bigserial    primary key,
  entry_id    bigint       not null references work_entry (id),
  at          timestamptz  not null,
  actor       varchar(200) not null,
  action      varchar(10)  not null check (action in ('CREATED', 'EDITED')),
  day         date         not null,
  minutes     int          not null,
  kind        varchar(20)  not null,
  comment     varchar(1000)
);
create index work_entry_change_entry_idx on work_entry_change (entry_id);
