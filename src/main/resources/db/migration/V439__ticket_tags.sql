-- Free tags on requests: lower-cased, trimmed, at most 40 characters. The tag index serves the
-- queue's ?tag= filter and the report of requests per tag.
create table ticket_tag (
  ticket_id bigint      not null references ticket (id),
  tag       varchar(40) not null,
  added_at  timestamptz not null,
  primary key (ticket_id, tag)
);
create index ticket_tag_tag_idx on ticket_tag (tag, ticket_id);
