package dev.tidesk.mail.inbound;

/**
 * The answer to storing a raw message.
 *
 * @param created false when the same message (same source and key) was stored before
 */
public record StoredMail(long id, boolean created) {}
