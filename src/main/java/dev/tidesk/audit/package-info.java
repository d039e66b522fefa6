/**
 * The audit log: who did what and when, for what security needs to answer afterwards (sign-ins and
 * their failures, passwords, roles, logins closed and opened, API tokens, mailboxes, exports and imports). Append-only: the
 * table refuses updates and deletes.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.audit;
