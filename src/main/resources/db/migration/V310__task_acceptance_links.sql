-- The e-mail links with which a client accepts or declines a change on the test copy (R14). The
-- link carries a random token; only its SHA-256 is stored, so the table cannot be used to forge a
-- link. A link works once, expires, and is replaced when the task comes back for a new check.
create table task_acceptance_link (
  id          bigserial    primary key,
  task_id     bigint       not null references task (id),
  token_hash  varchar(64)  not null unique,
  status      varchar(12)  not null check (status in ('ACTIVE', 'ACCEPTED', 'DECLINED', 'SUPERSEDED')),
  expires_at  timestamptz  not null,
  created_at  timestamptz  not null,
  answered_by varchar(200),
  answered_at timestamptz,
  version     int          not null default 0
);
create index task_acceptance_link_task_idx on task_acceptance_link (task_id);
