-- Norm-hours on a specialist task (the column was there from the start, nullable: most entries are
-- on the request itself). The task panel and a specialist's task list sum the entries of a task.
create index work_entry_task_idx on work_entry (task_id) include (minutes) where task_id is not null;
