package dev.tidesk.identity;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.springframework.stereotype.Component;

/**
 * Sign-in throttling that slows guessing down without letting anyone lock a person out.
 * <ul>
 * <li>Per client address: every failed attempt, whichever login it names, takes a token from the
 * address's bucket ({@link ThrottleSettings#addressPerMinute} a minute, {@link ThrottleSettings#addressPerHour}
 * an hour). An empty bucket refuses that address's attempts until it refills: password spraying
 * across many logins stops, and only the guesser's own address waits.</li>
 * <li>Per login: failures from browsers that never signed in as that login take tokens from the
 * login's bucket; when it is empty such browsers wait too. A browser that signed in as the login
 * before carries its device cookie ({@link DeviceCookies}) and is never refused for the login's sake,
 * so guessing from elsewhere cannot keep the owner out; a reset link empties the count as well.</li>
 * </ul>
 * Unknown logins get buckets like known ones: the answer and its timing do not tell whether a login
 * exists. The counts live in this node's memory (bounded); a restart forgets them, and with several
 * nodes each counts what it sees.
 */
@Component
public class LoginThrottle {

    private static final int MAX_KEYS = 50_000;

    private final ThrottleSettings settings;
    private final Map<String, Bucket> addresses = lru();
    private final Map<String, Bucket> logins = lru();

    LoginThrottle(ThrottleSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether an attempt may go ahead.
     *
     * @param knownDevice whether the browser carries the login's device cookie; asked only when the
     *                    login's own count is used up
     * @return how long to wait when the attempt is refused, else empty
     */
    public Optional<Duration> refusal(String login, String address, BooleanSupplier knownDevice) {
        Bucket byAddress = address(address);
        if (byAddress.getAvailableTokens() <= 0) {
            return Optional.of(waitFor(byAddress));
        }
        Bucket byLogin = login(login);
        if (byLogin.getAvailableTokens() <= 0 && !knownDevice.getAsBoolean()) {
            return Optional.of(waitFor(byLogin));
        }
        return Optional.empty();
    }

    /** Counts a failed attempt against the address and, unless the browser is the login's own, the login. */
    public void failed(String login, String address, boolean knownDevice) {
        address(address).tryConsume(1);
        if (!knownDevice) {
            login(login).tryConsume(1);
        }
    }

    /** The owner proved they read the login's mail (a reset link): its count starts afresh. */
    public void forget(String login) {
        logins.remove(key(login));
    }

    private Bucket address(String address) {
        return addresses.computeIfAbsent(
                address == null ? "" : address,
                a -> Bucket.builder()
                        .addLimit(l -> l.capacity(settings.addressPerMinute())
                                .refillGreedy(settings.addressPerMinute(), Duration.ofMinutes(1)))
                        .addLimit(l -> l.capacity(settings.addressPerHour())
                                .refillGreedy(settings.addressPerHour(), Duration.ofHours(1)))
                        .build());
    }

    private Bucket login(String login) {
        return logins.computeIfAbsent(
                key(login),
                l -> Bucket.builder()
                        .addLimit(b -> b.capacity(settings.loginPerWindow())
                                .refillGreedy(settings.loginPerWindow(), settings.loginWindow()))
                        .addLimit(b -> b.capacity(settings.loginPerDay())
                                .refillGreedy(settings.loginPerDay(), Duration.ofDays(1)))
                        .build());
    }

    static String key(String login) {
        String key = login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static Duration waitFor(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Duration.ofNanos(Math.max(nanos, 1_000_000_000L));
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_KEYS;
            }
        });
    }
}
