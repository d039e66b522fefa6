/**
 * E-mail: notifications to clients (acknowledgement with the TID, staff replies, status changes)
 * written to a transactional outbox and sent over SMTP with retries; inbound mail (IMAP polling, a
 * built-in SMTP receiver, .eml import) stored raw first, then parsed, filtered for loops and
 * bounces, and threaded into requests.
 *
 * <p>The API is this package: {@link dev.tidesk.mail.MailIntake}, {@link dev.tidesk.mail.Mailboxes} and
 * {@link dev.tidesk.mail.Outbox} with their views and settings. Inside, {@code inbound} takes mail in,
 * {@code outbound} renders, queues and sends it, and {@code trust} decides what to believe and what to
 * hold back.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Mail",
        allowedDependencies = {
            "shared",
            "ticket",
            "customer",
            "identity",
            "team",
            "contract",
            "contract::ledger",
            "contract::deferral",
            "contract::alert",
            "routing",
            "task",
            "worklog",
            "notice",
            "storage"
        })
package dev.tidesk.mail;
