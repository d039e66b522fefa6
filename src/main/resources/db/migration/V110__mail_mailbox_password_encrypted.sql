-- mailbox passwords are stored AES-GCM encrypted (v1:base64), longer than the plaintext
alter table mail_mailbox alter column password type varchar(1000);
