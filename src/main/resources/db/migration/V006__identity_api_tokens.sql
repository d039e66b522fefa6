create table api_token (
  id           bigserial primary key,
  account_id   bigint       not null references account (id),
  name         varchar(200) not null,
  token_hash   varchar(64)  not null,
  created_at   timestamptz  not null default now(),
  last_used_at timestamptz,
  revoked      boolean      not null default false
);
create unique index api_token_hash_uk on api_token (token_hash);
