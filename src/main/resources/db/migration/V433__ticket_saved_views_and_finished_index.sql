-- Saved request lists: a filter and an order kept under a name, personal (owner_id) or shared
-- with everyone (owner_id null). The query is the list page's own query string.
create table saved_view (
  id         bigserial    primary key,
  owner_id   bigint       references staff (id) on delete cascade,
  name       varchar(80)  not null,
  query      varchar(2000) not null,
  created_at timestamptz  not null
);
create index saved_view_owner_idx on saved_view (owner_id, lower(name));

-- The closed and resolved lists, newest change first, stay an index walk on a million requests.
create index ticket_finished_updated_idx on ticket (updated_at desc, id desc) where status in ('RESOLVED', 'CLOSED');
create index ticket_updated_idx on ticket (updated_at desc, id desc);
