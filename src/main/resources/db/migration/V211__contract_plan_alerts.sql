-- Overrun (R9) and trial review (R11) alerts raised by the monthly close, kept until someone
-- acknowledges them. One per contract, month and kind, so a repeated close raises nothing twice.
create table plan_alert (
  id                  bigserial    primary key,
  contract_id         bigint       not null references contract (id),
  organization_id     bigint       not null,
  month               date         not null,
  kind                varchar(16)  not null check (kind in ('OVERRUN', 'TRIAL')),
  plan_code           varchar(20),
  average_minutes     integer      not null,
  recommendation      varchar(20),
  trial_months        integer      not null default 0,
  raised_at           timestamptz  not null,
  acknowledged_by     varchar(200),
  acknowledged_by_id  bigint,
  acknowledged_at     timestamptz,
  version             integer      not null default 0,
  constraint plan_alert_contract_month_kind_uk unique (contract_id, month, kind)
);
create index plan_alert_open_idx on plan_alert (contract_id) where acknowledged_at is null;
