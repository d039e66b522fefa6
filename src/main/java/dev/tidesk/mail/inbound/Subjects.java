package dev.tidesk.mail.inbound;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reply and forward prefixes, and the {@code [TID-n]} a subject carries. */
final class Subjects {

    private static final Pattern PREFIX = Pattern.compile(
            "^\\s*(?:(?:re|fwd?|aw|wg|sv|vs|tr|rif|ответ|отв|на|пересл)\\s*(?:\\[\\d+]|\\(\\d+\\))?\\s*[:：]\\s*)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Subjects() {}

    /** The subject without the prefixes mail programs add, however many. */
    static String withoutPrefixes(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.strip();
        String before;
        do {
            before = s;
            s = PREFIX.matcher(s).replaceFirst("").strip();
        } while (!s.equals(before));
        return s;
    }

    /** The subject to open a request with: no prefixes, no {@code [TID-n]} of ours. */
    static String forRequest(String subject, String tidPrefix) {
        String s = withoutPrefixes(subject);
        s = s.replaceAll("(?i)\\[" + Pattern.quote(tidPrefix) + "\\d+]", "").strip();
        return withoutPrefixes(s);
    }

    /** The first {@code [TID-n]} in the subject, upper-cased. */
    static Optional<String> tid(String subject, String tidPrefix) {
        if (subject == null) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("\\[\\s*(" + Pattern.quote(tidPrefix) + "\\d{1,12})\\s*]", Pattern.CASE_INSENSITIVE)
                .matcher(subject);
        return m.find() ? Optional.of(m.group(1).toUpperCase()) : Optional.empty();
    }
}
