package dev.tidesk.shared;

/**
 * A rule of the domain was broken. {@link #messageKey()} names the text shown to the user;
 * {@link #args()} fill it in.
 */
public class DomainException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] args;

    public DomainException(String messageKey, String message, Object... args) {
        super(message);
        this.messageKey = messageKey;
        this.args = args;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args;
    }
}
