package dev.tidesk.mail.inbound;

/** A message that no retry will make processable: it goes to quarantine at once. */
public class UnprocessableMail extends RuntimeException {

    UnprocessableMail(String message) {
        super(message);
    }
}
