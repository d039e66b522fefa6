package dev.tidesk.ticket;

/** The staff queue views. */
public enum Queue {
    /** Open requests nobody has taken yet (deferred ones wait for their month). */
    UNASSIGNED,
    /** Open requests of the signed-in staff member. */
    MINE,
    /** Every open request. */
    OPEN
}
