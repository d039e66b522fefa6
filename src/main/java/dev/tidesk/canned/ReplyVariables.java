package dev.tidesk.canned;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a canned reply may use, and filling them in. A variable is written
 * {@code {{name}}}; one without a value for this request (a one-off client has no hours left) is
 * left out, an unknown one is left as written so the agent sees it before sending.
 */
public final class ReplyVariables {

    /** Every variable, in the order the help lists them. */
    public static final List<String> NAMES = List.of(
            "client_name", "client_first_name", "tid", "subject", "agent_name", "plan", "hours_left", "portal_link");

    private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-z_]+)\\s*}}");

    private ReplyVariables() {}

    public static String fill(String body, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(body);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = NAMES.contains(name) ? values.getOrDefault(name, "") : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern PATRONYMIC = Pattern.compile("(?iu).+(ич|вна|ична|оглы|кызы)");

    /**
     * How a Russian client is addressed: by first name and patronymic when the name has one
     * ("Смирнова Ольга Викторовна" or "Ольга Викторовна Смирнова" → "Ольга Викторовна"), otherwise
     * by the first word ("Анна Смирнова" → "Анна", the order the portal asks for).
     */
    public static String firstName(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            return "";
        }
        String[] words = fullName.trim().split("\\s+");
        for (int i = 1; i < words.length; i++) {
            if (PATRONYMIC.matcher(words[i]).matches()) {
                return words[i - 1] + " " + words[i];
            }
        }
        return words[0];
    }
}
