-- The plan catalogue (тарифы): Economy, Standard, Premium. Admins edit the values, not the codes.
create table plan (
  id                    bigserial     primary key,
  code                  varchar(20)   not null unique check (code in ('ECONOMY', 'STANDARD', 'PREMIUM')),
  name_ru               varchar(100)  not null,
  name_en               varchar(100)  not null,
  monthly_fee           numeric(12,2) not null check (monthly_fee >= 0),
  included_minutes      int           not null check (included_minutes >= 0),
  first_response_hours  int           not null check (first_response_hours > 0),
  resolution_hours      int           not null check (resolution_hours > 0),
  personal_manager      boolean       not null,
  tier_rank             int           not null check (tier_rank between 0 and 8),
  updated_at            timestamptz   not null default now(),
  version               int           not null default 0
);
insert into plan (code, name_ru, name_en, monthly_fee, included_minutes, first_response_hours, resolution_hours, personal_manager, tier_rank) values
  ('ECONOMY',  'Эконом',   'Economy',  15000, 10 * 60, 8, 40, false, 2),
  ('STANDARD', 'Стандарт', 'Standard', 30000, 20 * 60, 4, 24, false, 1),
  ('PREMIUM',  'Премиум',  'Premium',  60000, 40 * 60, 1,  8, true,  0);

-- A client's contract (договор). At most one without an end per organization.
create table contract (
  id                   bigserial     primary key,
  organization_id      bigint        not null,
  number               varchar(50)   not null,
  start_date           date          not null,
  end_date             date,
  personal_manager_id  bigint,
  test_copy_only       boolean       not null default false,
  special_terms        varchar(4000),
  trial_decision       varchar(20)   check (trial_decision in ('UPGRADE', 'STAY', 'INDIVIDUAL')),
  trial_decided_at     timestamptz,
  trial_decided_by     varchar(200),
  created_at           timestamptz   not null,
  version              int           not null default 0,
  check (end_date is null or end_date >= start_date)
);
create unique index contract_open_per_org_uk on contract (organization_id) where end_date is null;
create index contract_org_idx on contract (organization_id);

-- The plan in force from a month on: a catalogue plan (its values read from plan) or individual
-- terms carried here. Rows are never changed: a plan change adds a row, so history is kept.
create table contract_terms (
  id                    bigserial     primary key,
  contract_id           bigint        not null references contract (id),
  effective_from        date          not null check (extract(day from effective_from) = 1),
  plan_code             varchar(20)   not null check (plan_code in ('ECONOMY', 'STANDARD', 'PREMIUM', 'INDIVIDUAL')),
  name                  varchar(100),
  monthly_fee           numeric(12,2),
  included_minutes      int,
  first_response_hours  int,
  resolution_hours      int,
  personal_manager      boolean,
  tier_rank             int,
  changed_at            timestamptz   not null,
  changed_by            varchar(200)  not null,
  check (plan_code <> 'INDIVIDUAL' or (included_minutes is not null and monthly_fee is not null
         and first_response_hours is not null and resolution_hours is not null and tier_rank is not null
         and personal_manager is not null))
);
create index contract_terms_contract_idx on contract_terms (contract_id, effective_from, id);

-- Audit of contract changes: signed, plan, manager, test copy, ended, trial decision.
create table contract_change (
  id          bigserial     primary key,
  contract_id bigint        not null references contract (id),
  at          timestamptz   not null,
  actor       varchar(200)  not null,
  field       varchar(30)   not null,
  from_value  varchar(300),
  to_value    varchar(300)
);
create index contract_change_contract_idx on contract_change (contract_id, at);

-- A closed month: the figures frozen at the monthly close. One row per contract and month, so a
-- second close (or a second node) inserts nothing.
create table ledger_month (
  id                bigserial    primary key,
  contract_id       bigint       not null references contract (id),
  month             date         not null check (extract(day from month) = 1),
  included_minutes  int          not null,
  used_minutes      int          not null,
  closed_at         timestamptz  not null,
  unique (contract_id, month)
);
