package dev.tidesk.mail;

/** A message that no retry will make processable: it goes to quarantine at once. */
class UnprocessableMail extends RuntimeException {

    UnprocessableMail(String message) {
        super(message);
    }
}
