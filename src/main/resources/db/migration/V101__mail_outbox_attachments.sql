-- files of a staff reply go with its notification: ids of ticket attachments, comma-separated
alter table mail_outbox add column attachment_ids varchar(1000);
