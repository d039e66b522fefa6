package dev.tidesk.mail.inbound;

/**
 * What became of a message: its outcome (the code the incoming-mail page shows), the request it went
 * to, and for an ignored message why.
 */
public record InboundResult(String outcome, Long ticketId, boolean ignored, String reason) {

    static InboundResult done(String outcome, Long ticketId) {
        return new InboundResult(outcome, ticketId, false, null);
    }

    static InboundResult ignored(String outcome, Long ticketId, String reason) {
        return new InboundResult(outcome, ticketId, true, reason);
    }
}
