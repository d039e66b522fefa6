-- The audit log: who did what and when. Append-only: rows are never changed or removed.
create table audit_log (
  id      bigserial primary key,
  at      timestamptz  not null default now(),
  actor   varchar(200) not null,
  action  varchar(40)  not null,
  target  varchar(300),
  detail  varchar(1000),
  address varchar(64)
);
create index audit_log_at_idx on audit_log (at desc, id desc);
create index audit_log_action_at_idx on audit_log (action, at desc);
create index audit_log_actor_at_idx on audit_log (lower(actor), at desc);

create function audit_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only';
end
$$;
create trigger audit_log_no_update_or_delete before update or delete on audit_log
  for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_append_only();
