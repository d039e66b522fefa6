package dev.tidesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import dev.tidesk.shared.Installation;

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
            return messages.getMessage("age.minutes", new Object[] { Math.max(d.toMinutes(), 0) }, locale);
        }
        if (d.toHours() < 48) {
            return messages.getMessage("age.hours", new Object[] { d.toHours() }, locale);
        }
        return messages.getMessage("age.days", new Object[] { d.toDays() }, locale);
    }

    public String size(long bytes) {
        Locale locale = LocaleContextHolder.getLocale();
        if (bytes < 1024) {
            return messages.getMessage("size.bytes", new Object[] { bytes }, locale);
        }
        if (bytes < 1024 * 1024) {
            return messages.getMessage("size.kb", new Object[] { (bytes + 512) / 1024 }, locale);
        }
        return messages.getMessage("size.mb", new Object[] { String.format(locale, "%.1f", bytes / 1048576.0) },
                locale);
    }
}
