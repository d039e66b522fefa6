package dev.tidesk.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Computed report tables kept for {@code maxAge}: a second look at the same report (the page, then
 * its XLSX; two heads; a reload) reads the table computed a moment ago instead of walking the
 * period's requests again. Each entry keeps the time it was computed, which the page shows. One
 * computation per key at a time; at most {@code maxEntries} are kept (the oldest go first).
 */
final class ReportCache<K> {

    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<K, ReportSnapshot> entries = new ConcurrentHashMap<>();
    private final Map<K, Object> locks = new ConcurrentHashMap<>();

    ReportCache(Clock clock, Duration maxAge, int maxEntries) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    ReportSnapshot get(K key, Supplier<ReportTable> compute) {
        ReportSnapshot last = entries.get(key);
        if (fresh(last)) {
            return last;
        }
        Object lock = locks.computeIfAbsent(key, k -> new Object());
        try {
            synchronized (lock) {
                last = entries.get(key);
                if (fresh(last)) {
                    return last;
                }
                ReportSnapshot computed = new ReportSnapshot(compute.get(), Instant.now(clock));
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

    private boolean fresh(ReportSnapshot s) {
        return s != null && s.at().plus(maxAge).isAfter(Instant.now(clock));
    }

    private void makeRoom() {
        entries.values().removeIf(s -> !fresh(s));
        while (entries.size() >= maxEntries) {
            entries.entrySet().stream()
                    .min(java.util.Comparator.comparing(e -> e.getValue().at()))
                    .ifPresent(e -> entries.remove(e.getKey(), e.getValue()));
        }
    }

    int size() {
        return entries.size();
    }
}
