create table mail_outbox (
  id              bigserial primary key,
  event_key       varchar(200) not null,
  ticket_id       bigint,
  recipient       varchar(300) not null,
  subject         varchar(500) not null,
  text_body       text         not null,
  html_body       text,
  message_id      varchar(300) not null,
  in_reply_to     varchar(300),
  auto_submitted  varchar(30),
  status          varchar(10)  not null check (status in ('PENDING', 'SENT', 'FAILED')),
  attempts        int          not null default 0,
  next_attempt_at timestamptz  not null,
  last_error      varchar(1000),
  created_at      timestamptz  not null,
  sent_at         timestamptz
);
-- one mail per event and recipient: a listener running twice cannot send twice
create unique index mail_outbox_event_uk on mail_outbox (event_key, recipient);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';
create index mail_outbox_ticket_idx on mail_outbox (ticket_id);

create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);
