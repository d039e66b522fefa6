package dev.tidesk.shared;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of this Tidesk installation.
 *
 * @param timeZone the zone in which dates are shown and months are closed (default Europe/Moscow)
 * @param baseUrl  the address clients use, for links in e-mails
 */
@ConfigurationProperties("tidesk")
public record Installation(ZoneId timeZone, String baseUrl) {

    public Installation {
        timeZone = timeZone == null ? ZoneId.of("Europe/Moscow") : timeZone;
        baseUrl = baseUrl == null ? "http://localhost:8080" : baseUrl.replaceAll("/+$", "");
    }
}
