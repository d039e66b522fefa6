-- E-mail to staff: each person chooses the kinds of notice they also want by e-mail (none unless chosen),
-- sent as one digest at most every few minutes.
create table notice_mail_kind (
  staff_id  bigint      not null references staff (id),
  kind      varchar(40) not null,
  since     timestamptz not null,
  primary key (staff_id, kind)
);

-- when each person's last digest went out
create table notice_digest (
  staff_id      bigint      primary key references staff (id),
  last_sent_at  timestamptz not null
);

-- a notice of a kind its recipient chose by e-mail is marked when written and unmarked when mailed:
-- the digest job reads a small partial index, however many notices there are
alter table notification add column to_mail boolean not null default false;
alter table notification add column mailed_at timestamptz;
create index notification_to_mail_idx on notification (recipient_id, id) where to_mail;
