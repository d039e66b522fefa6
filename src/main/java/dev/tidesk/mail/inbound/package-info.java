/**
 * Mail coming in: the IMAP poller's and the SMTP receiver's raw mail stored first ({@link
 * dev.tidesk.mail.MailIntake}), then parsed ({@link dev.tidesk.mail.inbound.MailParser}), checked for
 * loops, bounces and forged senders, threaded to a request and turned into a request or a reply.
 * {@link dev.tidesk.mail.inbound.InboundProcessor} runs the filters in their order and hands each kind
 * of mail on: {@code TooLargeMail}, {@code DeliveryReports} (bounces and other automatic mail), {@code
 * AutoReplies}, and a person's mail to {@code FollowUps}, which finds the request by {@code Threading}
 * and gives the mail to {@code StaffReplies}, {@code ClientReplies} or {@code NewRequests}; who may
 * write where is {@code MailParticipants}. Internal to the mail module.
 */
package dev.tidesk.mail.inbound;
