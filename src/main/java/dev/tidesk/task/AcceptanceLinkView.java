package dev.tidesk.task;

import java.time.Instant;

/**
 * What the page behind an acceptance e-mail link shows: the task (as the client sees it), its
 * request, and whether the link can still be used ({@code state} is ACTIVE, ACCEPTED, DECLINED,
 * SUPERSEDED or EXPIRED).
 */
public record AcceptanceLinkView(TaskProgress task, long ticketId, String state, Instant expiresAt) {

    public boolean usable() {
        return "ACTIVE".equals(state);
    }

    /** The client accepted or declined by this link. */
    public boolean answered() {
        return "ACCEPTED".equals(state) || "DECLINED".equals(state);
    }
}
