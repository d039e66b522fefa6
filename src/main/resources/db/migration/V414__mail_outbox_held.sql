-- A mail Tidesk decided not to send (an acknowledgement to a bouncing address or over the hourly
-- cap) is kept as HELD with its reason, so admins see it and may send it anyway.
alter table mail_outbox drop constraint mail_outbox_status_check;
alter table mail_outbox add constraint mail_outbox_status_check
  check (status in ('PENDING', 'SENT', 'FAILED', 'HELD'));
-- the count of failed mail shown to admins in the menu on every page
create index mail_outbox_failed_idx on mail_outbox (id) where status = 'FAILED';
