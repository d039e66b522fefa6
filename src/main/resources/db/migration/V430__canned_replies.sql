-- Canned replies (шаблоны ответов): personal ones belong to one staff member, shared ones
-- (owner_id null) to everyone; each in one language, filled with the request's values when picked.
create table canned_reply (
  id         bigserial    primary key,
  owner_id   bigint       references staff (id) on delete cascade,
  language   varchar(2)   not null check (language in ('ru', 'en')),
  title      varchar(120) not null,
  body       text         not null,
  created_at timestamptz  not null,
  updated_at timestamptz  not null
);
create index canned_reply_owner_idx on canned_reply (owner_id, title);

-- The signature a staff member's replies to clients end with.
create table reply_signature (
  staff_id   bigint      primary key references staff (id) on delete cascade,
  body       text        not null,
  updated_at timestamptz not null
);
