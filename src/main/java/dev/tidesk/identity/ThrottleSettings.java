package dev.tidesk.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in throttling ({@link LoginThrottle}). Failed attempts are counted per client address and per
 * login; each count has a short and a long window, so the wait grows the longer guessing goes on.
 *
 * @param addressPerMinute failures one address may make in a minute, whichever logins it tries
 * @param addressPerHour   and in an hour
 * @param loginPerWindow   failures a login may collect from browsers it does not know, per {@code loginWindow}
 * @param loginWindow      the short window of a login
 * @param loginPerDay      and in a day
 */
@ConfigurationProperties("tidesk.identity.throttle")
public record ThrottleSettings(
        int addressPerMinute, int addressPerHour, int loginPerWindow, Duration loginWindow, int loginPerDay) {

    public ThrottleSettings {
        addressPerMinute = addressPerMinute <= 0 ? 10 : addressPerMinute;
        addressPerHour = addressPerHour <= 0 ? 40 : addressPerHour;
        loginPerWindow = loginPerWindow <= 0 ? 5 : loginPerWindow;
        loginWindow = loginWindow == null || loginWindow.isNegative() || loginWindow.isZero()
                ? Duration.ofMinutes(15)
                : loginWindow;
        loginPerDay = loginPerDay <= 0 ? 30 : loginPerDay;
    }
}
