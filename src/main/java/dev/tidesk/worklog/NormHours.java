package dev.tidesk.worklog;

import dev.tidesk.shared.DomainException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Norm-hours are stored as whole minutes and shown as hours. {@link #parse(String)} reads what
 * people type: {@code 1.5}, {@code 1,5}, {@code 1:30}, {@code 90m}, {@code -0.5} (a negative value
 * parses so that the entry's rule can reject it with its own message).
 */
public final class NormHours {

    private static final Pattern CLOCK = Pattern.compile("^(-?)(\\d{1,3}):(\\d{1,2})$");
    private static final Pattern MINUTES = Pattern.compile("^(-?\\d{1,5})\\s*(m|min|мин|м)$");
    private static final Pattern DECIMAL = Pattern.compile("^-?\\d{0,4}([.,]\\d{1,4})?$");

    private NormHours() {}

    /** Minutes from hours as typed; throws a domain error for anything unreadable. */
    public static int parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s*(h|ч)$", "");
        Matcher m = CLOCK.matcher(s);
        if (m.matches()) {
            int minutes = Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
            return m.group(1).isEmpty() ? minutes : -minutes;
        }
        m = MINUTES.matcher(s);
        if (m.matches()) {
            return Integer.parseInt(m.group(1));
        }
        if (!s.isEmpty() && !s.equals("-") && DECIMAL.matcher(s).matches()) {
            return new BigDecimal(s.replace(',', '.'))
                    .multiply(BigDecimal.valueOf(60))
                    .setScale(0, RoundingMode.HALF_UP)
                    .intValueExact();
        }
        throw new DomainException("worklog.error.unreadable", "Not a duration: " + text, text);
    }

    /** Hours with up to two decimals in the locale's notation: 90 → "1,5" (ru) or "1.5" (en). */
    public static String format(long minutes, Locale locale) {
        DecimalFormat f = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(locale));
        return f.format(BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP));
    }
}
