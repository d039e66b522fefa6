-- Minutes per organization and calendar month, kept up to date with every entry in the same
-- transaction: the all-clients ledger reads 36 rows per client instead of summing millions of entries.
create table work_month (
  organization_id bigint not null,
  month           date   not null check (extract(day from month) = 1),
  minutes         bigint not null,
  primary key (organization_id, month)
);
insert into work_month (organization_id, month, minutes)
select organization_id, date_trunc('month', day)::date, sum(minutes)
  from work_entry where organization_id is not null group by 1, 2;
