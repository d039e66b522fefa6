-- Imported mail is history: processing it mails nobody unless the import asked for acknowledgements
alter table mail_inbound add column silent boolean not null default false;
