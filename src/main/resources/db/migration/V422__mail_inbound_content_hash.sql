-- Idempotency by source + Message-ID + content: a redelivered copy is recognised, a different message
-- that reuses a Message-ID is processed. The hash is over the message without its trace headers
-- (Received, Return-Path, Delivered-To, Authentication-Results ...), line ends normalised. Rows stored
-- before have none and count as the same content as any message with their Message-ID.
alter table mail_inbound add column content_sha256 varchar(64);
