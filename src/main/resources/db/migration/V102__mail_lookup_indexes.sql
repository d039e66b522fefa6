-- threading looks up sent Message-IDs; the loop guard counts recent automatic mails per address
create index mail_outbox_message_id_idx on mail_outbox (message_id);
create index mail_outbox_recipient_auto_idx on mail_outbox (lower(recipient), created_at) where auto_submitted = 'auto-replied';
