-- A new attachment's content lives in the storage module (database or object store) under a key;
-- older rows keep their bytes in content and stay readable from there.
alter table ticket_attachment alter column content drop not null;
alter table ticket_attachment add column content_key varchar(300);
alter table ticket_attachment add constraint ticket_attachment_content_ck
  check (content is not null or content_key is not null);
