-- The admins' outbox page counts its tiles without reading the whole outbox: held mail through its own
-- index (as failed mail already is), and the mail sent in the last day through the time it was sent.
create index mail_outbox_held_idx on mail_outbox (id) where status = 'HELD';
create index mail_outbox_sent_idx on mail_outbox (sent_at) where status = 'SENT';
