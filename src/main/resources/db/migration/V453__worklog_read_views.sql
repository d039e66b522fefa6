-- The worklog module's published read model: norm-hour entries without their notes. A plain
-- projection, inlined by PostgreSQL (work_entry_day_idx serves the norm-hour reports as before).
-- Documented in dev.tidesk.worklog's package-info.
create view worklog_entry_v as
select ticket_id, organization_id, staff_id, day, kind, minutes
  from work_entry;
