-- The team module's published read model: a colleague's name by id, for figures grouped by person.
-- Documented in dev.tidesk.team's package-info.
create view team_staff_v as
select id, full_name
  from staff;
