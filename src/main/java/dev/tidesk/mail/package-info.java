/**
 * E-mail: notifications to clients (acknowledgement with the TID, staff replies, status changes)
 * written to a transactional outbox and sent over SMTP with retries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail", allowedDependencies = { "shared", "ticket", "customer", "identity", "team", "contract", "routing", "task" })
package dev.tidesk.mail;
