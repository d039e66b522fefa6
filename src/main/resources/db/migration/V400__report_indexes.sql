-- Report read side (module report). Statistics are GROUP BYs over time ranges of the whole
-- request table, so the time columns get plain indexes; the covering columns let PostgreSQL
-- answer from the index alone (index-only scans) once the table is vacuumed.
create index ticket_created_idx on ticket (created_at) include (status, channel, first_response_at);
create index ticket_resolved_idx on ticket (resolved_at) include (assignee_id) where resolved_at is not null;
create index ticket_message_created_idx on ticket_message (created_at) include (author_staff_id, kind);
