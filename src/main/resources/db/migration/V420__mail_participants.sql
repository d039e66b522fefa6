-- Who is on a request's conversation by mail besides its organization's contacts: the addresses that a
-- mail accepted by the threading rule brought in (its sender, To and Cc). A mail that is not accepted
-- puts nobody here.
create table mail_participant (
  ticket_id   bigint       not null,
  address     varchar(300) not null,
  created_at  timestamptz  not null default now(),
  primary key (ticket_id, address)
);
