package dev.tidesk.shared;

import java.util.Locale;

/** What someone typed, as a LIKE pattern that finds it anywhere in a text, the typing taken as text. */
public final class LikePattern {

    private LikePattern() {}

    /**
     * {@code %typed%} in lower case, with {@code \}, {@code %} and {@code _} escaped by a backslash
     * (PostgreSQL's default escape character for LIKE): "50%" finds "Скидка 50%", not "500".
     * Null or blank finds everything.
     */
    public static String containing(String typed) {
        String text = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
