package dev.tidesk.ticket;

import dev.tidesk.shared.DomainException;

/** A status change the request's workflow does not allow. */
public class IllegalTransitionException extends DomainException {

    public IllegalTransitionException(String tid, Status from, Status to) {
        super("error.transition", tid + ": cannot move from " + from + " to " + to, tid, from, to);
    }
}
