-- "Forgot password" links: only the SHA-256 of the link's secret is kept
create table password_reset (
  id          bigserial   primary key,
  account_id  bigint      not null references account (id) on delete cascade,
  token_hash  varchar(64) not null unique,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz
);
create index password_reset_account_idx on password_reset (account_id, created_at);
