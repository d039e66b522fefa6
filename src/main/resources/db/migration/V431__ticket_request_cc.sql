-- The people copied on a request besides its contact (CC): colleagues of the organization, or any
-- address an agent chose. They get the client's mails about the request (replies, status) and may
-- answer it by mail like the contact. Addresses are kept in lower case.
create table request_cc (
  ticket_id  bigint       not null references ticket (id),
  address    varchar(254) not null,
  name       varchar(200) not null,
  contact_id bigint,
  added_at   timestamptz  not null,
  primary key (ticket_id, address)
);

-- Colleagues of the client found in the Cc of a mail that joined the request: offered to staff, never
-- copied by themselves. A dismissed suggestion is not offered again.
create table request_cc_suggestion (
  ticket_id    bigint       not null references ticket (id),
  address      varchar(254) not null,
  contact_id   bigint,
  suggested_at timestamptz  not null,
  dismissed_at timestamptz,
  primary key (ticket_id, address)
);
