-- The auto-close job looks for requests still resolved (not closed) long enough ago: a small partial
-- index, however many closed requests there are.
create index ticket_awaiting_close_idx on ticket (resolved_at) where status = 'RESOLVED';
