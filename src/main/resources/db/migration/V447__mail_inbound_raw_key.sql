-- A newly received message's raw copy lives in the storage module under a key; older rows keep
-- their bytes in raw and stay readable from there.
alter table mail_inbound alter column raw drop not null;
alter table mail_inbound add column raw_key varchar(300);
alter table mail_inbound add constraint mail_inbound_raw_ck check (raw is not null or raw_key is not null);
