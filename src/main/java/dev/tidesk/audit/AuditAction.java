package dev.tidesk.audit;

/** What an audit entry records; each has a label in the bundles ({@code audit.action.<NAME>}). */
public enum AuditAction {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_IN_THROTTLED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    ROLE_GRANTED,
    ROLE_CHANGED,
    TOKEN_ISSUED,
    TOKEN_REVOKED,
    MAILBOX_ADDED,
    MAILBOX_CHANGED,
    MAILBOX_REMOVED,
    MAILBOX_TESTED,
    MAIL_IMPORTED,
    EXPORTED,
    AUDIT_EXPORTED,
    MONTHS_CLOSED,
    REQUISITES_CHANGED,
    LOGIN_DISABLED,
    LOGIN_ENABLED,
    LOGIN_RENAMED
}
