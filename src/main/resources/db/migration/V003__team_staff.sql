create table staff (
  id           bigserial primary key,
  full_name    varchar(200) not null,
  email        varchar(200) not null,
  role         varchar(20)  not null check (role in ('ADMIN', 'HEAD', 'AGENT', 'MANAGER', 'SPECIALIST')),
  specialty    varchar(30),
  availability varchar(20)  not null default 'AVAILABLE',
  active       boolean      not null default true,
  created_at   timestamptz  not null default now()
);
create unique index staff_email_uk on staff (lower(email));
