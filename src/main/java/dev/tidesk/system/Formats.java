package dev.tidesk.system;

import dev.tidesk.shared.Installation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Date, age and size formats for templates ({@code ${@fmt.dateTime(x)}}), in the installation's zone. */
@Component
public class Formats {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final ZoneId zone;
    private final MessageSource messages;

    private final Clock clock;

    Formats(Installation installation, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.zone = installation.timeZone();
        this.messages = messages;
    }

    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.withZone(zone).format(at);
    }

    public String date(Instant at) {
        return at == null ? "" : DATE.withZone(zone).format(at);
    }

    /** How long ago, shortly: "5 min", "3 h", "2 d". */
    public String age(Instant at) {
        if (at == null) {
            return "";
        }
        Duration d = Duration.between(at, Instant.now(clock));
        Locale locale = LocaleContextHolder.getLocale();
        if (d.toMinutes() < 60) {
            return messages.getMessage("age.minutes", new Object[] {Math.max(d.toMinutes(), 0)}, locale);
        }
        if (d.toHours() < 48) {
            return messages.getMessage("age.hours", new Object[] {d.toHours()}, locale);
        }
        return messages.getMessage("age.days", new Object[] {d.toDays()}, locale);
    }

    /**
     * A counted phrase in the reader's language with the right plural: {@code key.one}, {@code key.few} or
     * {@code key.many} ("1 рабочий час", "2 рабочих часа", "5 рабочих часов"; English has one and many).
     */
    public String count(String key, long n) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key + "." + pluralForm(n, locale.getLanguage()), new Object[] {n}, locale);
    }

    static String pluralForm(long n, String language) {
        long abs = Math.abs(n);
        if (!"ru".equals(language)) {
            return abs == 1 ? "one" : "many";
        }
        long ten = abs % 10;
        long hundred = abs % 100;
        if (ten == 1 && hundred != 11) {
            return "one";
        }
        return ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14) ? "few" : "many";
    }

    /** A month after "from", in words: "с июня 2026", "from June 2026". */
    public String fromMonth(java.time.YearMonth month) {
        if (month == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        // MMMM is the month in its formatting form: the genitive in Russian ("июня"), as after "с"
        return messages.getMessage(
                "month.from",
                new Object[] {DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month)},
                locale);
    }

    public String size(long bytes) {
        Locale locale = LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return messages.getMessage("size.bytes", new Object[] {bytes}, locale);
        }
        if (bytes < 1024 * 1024) {
            return messages.getMessage("size.kb", new Object[] {(bytes + 512) / 1024}, locale);
        }
        return messages.getMessage("size.mb", new Object[] {String.format(locale, "%.1f", bytes / 1048576.0)}, locale);
    }
}
