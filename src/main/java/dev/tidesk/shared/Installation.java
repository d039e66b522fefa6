package dev.tidesk.shared;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of this Tidesk installation.
 *
 * @param timeZone the zone in which dates are shown and months are closed (default Europe/Moscow)
 * @param baseUrl  the address clients use, for links in e-mails
 * @param language the language of what Tidesk itself writes into requests, such as the notes on
 *                 bounces and autoreplies (default ru)
 */
@ConfigurationProperties("tidesk")
public record Installation(ZoneId timeZone, String baseUrl, String language) {

    public Installation {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
        language = language == null || language.isBlank() ? "ru" : language.strip();
    }

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** A moment as mails and notes write it: day, month, year and time in the installation's zone. */
    public String dateTime(Instant at) {
        return DATE_TIME.withZone(timeZone).format(at);
    }
}
