-- The agency's own requisites (one row, edited by the admin) and the monthly акт of each client:
-- numbered per year in the order they are first issued; a month keeps its number for good.
create table agency_requisites (
  id                    smallint     primary key default 1 check (id = 1),
  legal_name            varchar(300),
  inn                   varchar(12),
  kpp                   varchar(9),
  ogrn                  varchar(15),
  address               varchar(500),
  bank_account          varchar(20),
  bank_name             varchar(300),
  bik                   varchar(9),
  correspondent_account varchar(20),
  signatory_name        varchar(200),
  signatory_position    varchar(200),
  updated_at            timestamptz,
  updated_by            varchar(200)
);
insert into agency_requisites (id) values (1);

create table statement_act_year (
  year        int primary key,
  last_number int not null
);

create table statement_act (
  id              bigserial primary key,
  organization_id bigint      not null references organization (id),
  month           date        not null,
  year            int         not null,
  number          int         not null,
  act_date        date        not null,
  issued_at       timestamptz not null,
  constraint statement_act_month_uk unique (organization_id, month),
  constraint statement_act_number_uk unique (year, number)
);
