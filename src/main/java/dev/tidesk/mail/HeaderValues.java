package dev.tidesk.mail;

/** Values that end up in mail headers never carry line breaks (header injection). */
final class HeaderValues {

    private HeaderValues() {}

    static String clean(String value) {
        return value == null ? "" : value.replaceAll("[\\r\\n\\u0000]+", " ").strip();
    }
}
