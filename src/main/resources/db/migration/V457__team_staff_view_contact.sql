-- team_staff_v (V454) also carries what the notice module's mentions and digests read of a
-- colleague: the address, the role and whether they are active. Columns are only added at the end,
-- so the view is replaced in place. Documented in dev.tidesk.team's package-info.
create or replace view team_staff_v as
select id, full_name, email, role, active
  from staff;
