-- Contents (attachments, raw inbound mail) kept in the database; the owner's row holds the key.
-- Uncompressed out-of-line storage lets a download read it slice by slice with substring().
create table storage_blob (
  key          varchar(300) primary key,
  content      bytea        not null,
  content_type varchar(200) not null,
  size_bytes   bigint       not null,
  created_at   timestamptz  not null
);
alter table storage_blob alter column content set storage external;
