package dev.tidesk.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computed reports (a {@link ReportSnapshot}, the {@link Dashboard}) kept for {@code maxAge}: a second look at the same report (the page, then
 * its XLSX; two heads; a reload) reads the table computed a moment ago instead of walking the
 * period's requests again. Each entry keeps the time it was computed, which the page shows. One
 * computation per key at a time; at most {@code maxEntries} are kept (the oldest go first).
 * <p>
 * Past its age, up to twice its age, an entry is still served while it is computed again on {@code
 * refresher}: the one look a minute that found it old no longer waits for the computation (half a
 * second for the 1 M data set's dashboard-sized reports), and the page's "as of" says how old it is.
 * Older than that, the look computes it and waits, as the first look does.
 */
final class ReportCache<K, V> {

    private static final Logger log = LoggerFactory.getLogger(ReportCache.class);

    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Executor refresher;
    private final Function<V, Instant> computedAt;
    private final Map<K, V> entries = new ConcurrentHashMap<>();
    private final Map<K, Object> locks = new ConcurrentHashMap<>();
    private final Set<K> refreshing = ConcurrentHashMap.newKeySet();

    /** {@code computedAt}: when a value was computed, as it says itself (the page shows it). */
    ReportCache(Clock clock, Duration maxAge, int maxEntries, Function<V, Instant> computedAt, Executor refresher) {
        this.clock = clock;
        this.computedAt = computedAt;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
        this.refresher = refresher;
    }

    /**
     * One daemon thread that computes old entries again, with room for a few waiting (a look that
     * finds the queue full computes it itself, later, past the grace).
     */
    static Executor refresher(String name) {
        java.util.concurrent.ThreadPoolExecutor executor = new java.util.concurrent.ThreadPoolExecutor(
                1,
                1,
                1,
                java.util.concurrent.TimeUnit.MINUTES,
                new java.util.concurrent.ArrayBlockingQueue<>(16),
                r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    V get(K key, Supplier<V> compute) {
        V last = entries.get(key);
        if (fresh(last)) {
            return last;
        }
        if (servable(last)) {
            if (refreshing.add(key)) {
                try {
                    refresher.execute(() -> refresh(key, compute));
                } catch (RejectedExecutionException e) {
                    refreshing.remove(key);
                }
            }
            return last;
        }
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                last = entries.get(key);
                if (fresh(last)) {
                    return last;
                }
                V computed = compute.get();
                if (!maxAge.isZero() && !maxAge.isNegative()) {
                    makeRoom();
                    entries.put(key, computed);
                }
                return computed;
            }
        } finally {
            // a waiting thread still holds the old lock and finds the fresh entry; at worst two compute once each
            locks.remove(key, lock);
        }
    }

    private void refresh(K key, Supplier<V> compute) {
        try {
            V computed = compute.get();
            makeRoom();
            entries.put(key, computed);
        } catch (RuntimeException e) {
            // the next look past the grace computes it itself, and shows the error
            log.warn("Could not compute a report again in the background: {}", key, e);
        } finally {
            refreshing.remove(key);
        }
    }

    /** Old, but young enough to be served while it is computed again. */
    private boolean servable(V s) {
        return s != null && computedAt.apply(s).plus(maxAge.multipliedBy(2)).isAfter(Instant.now(clock));
    }

    private boolean fresh(V s) {
        return s != null && computedAt.apply(s).plus(maxAge).isAfter(Instant.now(clock));
    }

    private void makeRoom() {
        entries.values().removeIf(s -> !fresh(s));
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream()
                    .min(java.util.Comparator.comparing(e -> computedAt.apply(e.getValue())))
                    .ifPresent(e -> entries.remove(e.getKey(), e.getValue()));
        }
    }

    int size() {
        return entries.size();
    }
}
