/**
 * Mail going out: the mailers that render a notification in the transaction of the change it tells
 * about and queue it ({@link dev.tidesk.mail.outbound.OutboxQueue}), and the sender that delivers the
 * outbox over SMTP with retries ({@link dev.tidesk.mail.outbound.OutboxSender}). Internal to the mail
 * module.
 */
package dev.tidesk.mail.outbound;
