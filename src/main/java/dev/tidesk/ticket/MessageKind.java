package dev.tidesk.ticket;

public enum MessageKind {
    /** Written by the client (portal, e-mail, or recorded from a call). */
    CLIENT,
    /** A staff reply the client sees and receives by e-mail. */
    STAFF_REPLY,
    /** Visible to staff only. */
    INTERNAL_NOTE
}
