-- Organizations, contacts and sites can be deactivated (and reactivated): their history stays, a
-- deactivated contact signs nothing in and is mailed nothing. An address belongs to one active
-- contact: a deactivated contact's address may come back as someone new (mail from it is a
-- stranger's, as the sender rules treat any unknown address).
alter table organization add column active boolean not null default true;
alter table contact add column active boolean not null default true;
alter table site add column active boolean not null default true;
drop index contact_email_uk;
create unique index contact_email_uk on contact (lower(email)) where email is not null and active;

-- Every change of the client directory: who changed which field of what, from what, to what.
create table customer_change (
  id              bigserial primary key,
  organization_id bigint       not null references organization (id),
  subject         varchar(20)  not null,
  subject_id      bigint       not null,
  subject_name    varchar(200) not null,
  at              timestamptz  not null,
  actor           varchar(200) not null,
  field           varchar(40)  not null,
  from_value      varchar(1000),
  to_value        varchar(1000)
);
create index customer_change_org_idx on customer_change (organization_id, at desc);
create index customer_change_subject_idx on customer_change (subject, subject_id, at desc);
