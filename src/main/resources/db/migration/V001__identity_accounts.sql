create table account (
  id              bigserial primary key,
  login           varchar(200) not null,
  password_hash   varchar(200) not null,
  display_name    varchar(200) not null,
  kind            varchar(20)  not null check (kind in ('STAFF', 'CONTACT')),
  role            varchar(20)  not null,
  staff_id        bigint,
  contact_id      bigint,
  organization_id bigint,
  locale          varchar(10)  not null default 'ru',
  enabled         boolean      not null default true,
  failed_logins   int          not null default 0,
  locked_until    timestamptz,
  created_at      timestamptz  not null default now()
);
create unique index account_login_uk on account (lower(login));
