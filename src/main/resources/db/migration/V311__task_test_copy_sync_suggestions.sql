-- For a contract where all work goes via the test copy (R14), deploying a task suggests a norm-hour
-- entry for syncing the test copy with the live site. A specialist confirms it (the entry is logged
-- through the worklog, so it reaches the ledger) or dismisses it.
create table task_sync_suggestion (
  task_id       bigint       primary key references task (id),
  ticket_id     bigint       not null references ticket (id),
  assignee_id   bigint       not null,
  status        varchar(10)  not null check (status in ('SUGGESTED', 'CONFIRMED', 'DISMISSED')),
  minutes       int          not null check (minutes > 0),
  created_at    timestamptz  not null,
  resolved_by   varchar(200),
  resolved_at   timestamptz,
  work_entry_id bigint
);
create index task_sync_suggestion_ticket_idx on task_sync_suggestion (ticket_id) where status = 'SUGGESTED';
create index task_sync_suggestion_assignee_idx on task_sync_suggestion (assignee_id) where status = 'SUGGESTED';
