create table organization (
  id          bigserial primary key,
  name        varchar(200) not null,
  inn         varchar(20),
  email_domain varchar(200),
  notes       text,
  created_at  timestamptz not null default now()
);
create unique index organization_name_uk on organization (lower(name));

create table contact (
  id              bigserial primary key,
  organization_id bigint       not null references organization (id),
  full_name       varchar(200) not null,
  email           varchar(200),
  extra_emails    varchar(1000),
  phone           varchar(50),
  phone_digits    varchar(50),
  position        varchar(200),
  language        varchar(10)  not null default 'ru',
  created_at      timestamptz  not null default now()
);
create index contact_org_idx on contact (organization_id);
create unique index contact_email_uk on contact (lower(email)) where email is not null;
create index contact_phone_idx on contact (phone_digits);
create index contact_name_idx on contact (lower(full_name) text_pattern_ops);

create table site (
  id              bigserial primary key,
  organization_id bigint       not null references organization (id),
  name            varchar(200) not null,
  live_url        varchar(500) not null,
  test_url        varchar(500),
  created_at      timestamptz  not null default now()
);
create index site_org_idx on site (organization_id);
