-- A new request tells every agent on duty with ONE shared notice instead of one row per agent
-- (issue 19: 23 rows, each with three index entries, were more than half of what creating a request
-- wrote). A shared row has no recipient but an audience: the staff ids told, the one who caused it
-- left out when it is written. Personal rows are as before (recipient_id, read_at).
alter table notification alter column recipient_id drop not null;
alter table notification add column audience bigint[];
alter table notification add constraint notification_personal_or_shared
  check ((recipient_id is null) = (audience is not null));

-- the personal indexes leave shared rows out (they would sit there under a null key, unread forever)
create index notification_unread_personal_idx on notification (recipient_id)
  where read_at is null and recipient_id is not null;
drop index notification_unread_idx;
alter index notification_unread_personal_idx rename to notification_unread_idx;
create index notification_recipient_personal_idx on notification (recipient_id, created_at desc, id desc)
  where recipient_id is not null;
drop index notification_recipient_idx;
alter index notification_recipient_personal_idx rename to notification_recipient_idx;

-- the newest shared rows first: an agent walks these, testing the audience on each row, and only
-- those newer than the bell's horizon (Notices.SHARED_HORIZON) and their "all read" mark
-- (notice_read_mark). Colleagues of other roles are never told and read no shared row; no index on
-- the audience: the planner cannot tell one agent's share of the rows from another's, and chose it
-- for agents told of every row.
create index notification_shared_newest_idx on notification (created_at desc, id desc) where recipient_id is null;
-- opening a request reads its shared notice
create index notification_shared_ticket_idx on notification (ticket_id) where recipient_id is null;

-- who has read which shared notice (by its link or by opening the request)
create table notification_read (
  staff_id         bigint      not null references staff (id),
  notification_id  bigint      not null references notification (id) on delete cascade,
  read_at          timestamptz not null,
  primary key (staff_id, notification_id)
);

-- "mark all read": every shared notice up to this place in the order of the shared rows (created_at,
-- then id; notification_shared_newest_idx) is read for this person. One row a person, however many
-- notices it reads, and the bell's walk of shared rows stops there.
create table notice_read_mark (
  staff_id       bigint      primary key references staff (id),
  read_up_to_at  timestamptz not null,
  read_up_to_id  bigint      not null,
  read_at        timestamptz not null
);
