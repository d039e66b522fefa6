-- A proposal to do a request next month (R10). The e-mail link carries a random token; only its
-- SHA-256 is stored, so the table cannot be used to forge a link. A link works once and expires.
create table deferral (
  id               bigserial    primary key,
  ticket_id        bigint       not null,
  organization_id  bigint       not null,
  target_month     date         not null check (extract(day from target_month) = 1),
  status           varchar(10)  not null check (status in ('PROPOSED', 'ACCEPTED', 'DECLINED', 'RETURNED')),
  token_hash       varchar(64)  not null unique,
  expires_at       timestamptz  not null,
  proposed_by      varchar(200) not null,
  proposed_at      timestamptz  not null,
  answered_by      varchar(200),
  answered_at      timestamptz,
  returned_at      timestamptz,
  version          int          not null default 0
);
create index deferral_ticket_idx on deferral (ticket_id);
create index deferral_org_idx on deferral (organization_id, status);
create index deferral_due_idx on deferral (target_month) where status = 'ACCEPTED';
