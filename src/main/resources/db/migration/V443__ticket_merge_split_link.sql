-- Merge, split and link (issue 17): a merged request points at the request that absorbed it, so
-- mail, the portal and the API that name it reach the survivor; related requests are linked both
-- ways (one row per direction, so each request reads its own links by its key).
alter table ticket add column merged_into bigint references ticket (id);
alter table ticket add constraint ticket_not_merged_into_itself check (merged_into is null or merged_into <> id);

create table request_link (
  ticket_id  bigint       not null references ticket (id),
  linked_id  bigint       not null references ticket (id),
  created_at timestamptz  not null,
  created_by varchar(200) not null,
  primary key (ticket_id, linked_id),
  check (ticket_id <> linked_id)
);
create index request_link_linked_idx on request_link (linked_id);
