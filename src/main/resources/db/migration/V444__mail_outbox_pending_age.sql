-- mail module: the readiness check and the pending gauge ask for the oldest pending mail; only pending rows are indexed
create index mail_outbox_pending_created_idx on mail_outbox (created_at) where status = 'PENDING';
