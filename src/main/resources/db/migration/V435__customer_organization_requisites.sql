-- A client organization's requisites for the monthly акт (the ИНН column is as old as the table).
alter table organization
  add column legal_name            varchar(300),
  add column kpp                   varchar(9),
  add column ogrn                  varchar(15),
  add column address               varchar(500),
  add column bank_account          varchar(20),
  add column bank_name             varchar(300),
  add column bik                   varchar(9),
  add column correspondent_account varchar(20),
  add column signatory_name        varchar(200),
  add column signatory_position    varchar(200);
