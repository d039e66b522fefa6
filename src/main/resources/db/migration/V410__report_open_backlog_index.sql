-- The dashboard's backlog (open requests by status and age) reads only the open requests,
-- a few per cent of the table, from this partial index alone.
create index ticket_open_status_idx on ticket (status, created_at) where status not in ('RESOLVED', 'CLOSED');
