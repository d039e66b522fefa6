-- A contact's opt-in: "send me the monthly statement" when a month of the contract is closed.
alter table contact add column monthly_statement boolean not null default false;
