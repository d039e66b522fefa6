package dev.tidesk.mail.outbound;

/** Values that end up in mail headers never carry line breaks (header injection). */
public final class HeaderValues {

    private HeaderValues() {}

    public static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\u0000]+", " ").strip();
    }
}
