/**
 * E-mail: notifications to clients (acknowledgement with the TID, staff replies, status changes)
 * written to a transactional outbox and sent over SMTP with retries; inbound mail (IMAP polling, a
 * built-in SMTP receiver, .eml import) stored raw first, then parsed, filtered for loops and
 * bounces, and threaded into requests.
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
            "routing",
            "task",
            "worklog",
            "notice",
            "storage"
        })
package dev.tidesk.mail;
