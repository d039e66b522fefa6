-- Mailboxes Tidesk polls over IMAP; the UID position is kept per UIDVALIDITY, never the \Seen flag
create table mail_mailbox (
  id                bigserial primary key,
  name              varchar(100) not null,
  host              varchar(200) not null,
  port              int          not null,
  tls               boolean      not null default true,
  username          varchar(200) not null,
  password          varchar(500) not null,
  folder            varchar(200) not null default 'INBOX',
  processed_folder  varchar(200),
  poll_seconds      int          not null default 60,
  enabled           boolean      not null default true,
  uid_validity      bigint,
  last_uid          bigint       not null default 0,
  last_poll_at      timestamptz,
  last_error        varchar(1000),
  created_at        timestamptz  not null default now()
);
create unique index mail_mailbox_name_uk on mail_mailbox (lower(name));

-- Every inbound message, stored raw before anything else happens to it
create table mail_inbound (
  id               bigserial primary key,
  source           varchar(100)  not null,
  idempotency_key  varchar(400)  not null,
  message_id       varchar(400),
  from_address     varchar(300),
  subject          varchar(500),
  size_bytes       int           not null,
  raw              bytea         not null,
  truncated        boolean       not null default false,
  status           varchar(12)   not null check (status in ('RECEIVED', 'PROCESSED', 'IGNORED', 'QUARANTINED')),
  outcome          varchar(30),
  attempts         int           not null default 0,
  next_attempt_at  timestamptz   not null,
  last_error       varchar(2000),
  ticket_id        bigint,
  received_at      timestamptz   not null,
  processed_at     timestamptz
);
-- (source, Message-ID) or (source, sha-256 of the bytes): one row however often a message arrives
create unique index mail_inbound_key_uk on mail_inbound (source, idempotency_key);
create index mail_inbound_due_idx on mail_inbound (next_attempt_at) where status = 'RECEIVED';
create index mail_inbound_status_idx on mail_inbound (status, received_at);
create index mail_inbound_ticket_idx on mail_inbound (ticket_id);
create index mail_inbound_message_id_idx on mail_inbound (message_id);

-- Message-IDs Tidesk received, linked to their request (sent ones are in mail_outbox)
create table mail_thread_ref (
  message_id  varchar(400) primary key,
  ticket_id   bigint       not null,
  created_at  timestamptz  not null default now()
);
create index mail_thread_ref_ticket_idx on mail_thread_ref (ticket_id);

-- Addresses whose mail bounced: no automatic mail goes to them
create table mail_bouncing_address (
  address     varchar(300) primary key,
  reason      varchar(1000),
  ticket_id   bigint,
  bounced_at  timestamptz  not null
);
