/**
 * Mail coming in: the IMAP poller's and the SMTP receiver's raw mail stored first ({@link
 * dev.tidesk.mail.MailIntake}), then parsed ({@link dev.tidesk.mail.inbound.MailParser}), checked for
 * loops, bounces and forged senders, threaded to a request and turned into a request or a reply
 * ({@link dev.tidesk.mail.inbound.InboundProcessor}). Internal to the mail module.
 */
package dev.tidesk.mail.inbound;
