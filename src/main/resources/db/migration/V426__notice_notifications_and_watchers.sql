-- Notices in the workspace (the bell): one row per person and event, written in the transaction of
-- the change it tells about. The text is rendered from the kind's message key and the params, in the
-- reader's language.
create table notification (
  id           bigserial primary key,
  recipient_id bigint       not null references staff (id),
  kind         varchar(40)  not null,
  ticket_id    bigint       not null references ticket (id),
  tid          varchar(40)  not null,
  params       text[]       not null default '{}',
  created_at   timestamptz  not null,
  read_at      timestamptz
);
-- the header's count: unread notices of one person
create index notification_unread_idx on notification (recipient_id) where read_at is null;
-- the list page: a person's notices, newest first
create index notification_recipient_idx on notification (recipient_id, created_at desc, id desc);

-- Staff watching a request: told of the client's replies and files like its assignee.
create table request_watcher (
  ticket_id  bigint      not null references ticket (id),
  staff_id   bigint      not null references staff (id),
  since      timestamptz not null,
  primary key (ticket_id, staff_id)
);
create index request_watcher_staff_idx on request_watcher (staff_id);
