package dev.tidesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The report cache on a test clock: kept for its age, shown while computed again up to twice its age,
 * computed by the look itself past that, never kept with age zero.
 */
class ReportCacheTests {

    final TestClock clock = new TestClock();
    final AtomicInteger computed = new AtomicInteger();

    ReportSnapshot snapshot() {
        return new ReportSnapshot(table(), clock.instant());
    }

    ReportTable table() {
        return new ReportTable(
                "volume", List.of(Column.count("total")), List.of(List.of((long) computed.incrementAndGet())));
    }

    @Test
    void aSecondLookWithinTheMinuteReadsTheSameTableAndItsTime() {
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(1), 10, ReportSnapshot::at, Runnable::run);
        ReportSnapshot first = cache.get("a", this::snapshot);
        clock.advance(Duration.ofSeconds(59));
        ReportSnapshot again = cache.get("a", this::snapshot);
        assertThat(again).isSameAs(first);
        assertThat(computed).hasValue(1);
        assertThat(again.at()).isEqualTo(first.at());
    }

    @Test
    void afterItsAgeTheKeptOneIsShownWhileItIsComputedAgainAndTheNextLookHasTheNewFigures() {
        List<Runnable> refreshes = new java.util.ArrayList<>();
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(1), 10, ReportSnapshot::at, refreshes::add);
        ReportSnapshot first = cache.get("a", this::snapshot);
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.get("a", this::snapshot))
                .as("served at once, as of its time")
                .isSameAs(first);
        assertThat(cache.get("a", this::snapshot)).isSameAs(first);
        assertThat(refreshes).as("one computation for the two looks").hasSize(1);
        refreshes.get(0).run();
        ReportSnapshot next = cache.get("a", this::snapshot);
        assertThat(next.table().rows().get(0).get(0)).isEqualTo(2L);
        assertThat(next.at()).isAfter(first.at());
        assertThat(computed).hasValue(2);
    }

    @Test
    void pastTwiceItsAgeTheLookWaitsForTheNewFigures() {
        List<Runnable> refreshes = new java.util.ArrayList<>();
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(1), 10, ReportSnapshot::at, refreshes::add);
        ReportSnapshot first = cache.get("a", this::snapshot);
        clock.advance(Duration.ofSeconds(121));
        ReportSnapshot next = cache.get("a", this::snapshot);
        assertThat(next.table().rows().get(0).get(0)).isEqualTo(2L);
        assertThat(next.at()).isAfter(first.at());
        assertThat(refreshes).isEmpty();
    }

    @Test
    void aRefreshThatCannotBeQueuedLeavesTheNextLookToTryAgain() {
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(1), 10, ReportSnapshot::at, r -> {
                    throw new java.util.concurrent.RejectedExecutionException("full");
                });
        ReportSnapshot first = cache.get("a", this::snapshot);
        clock.advance(Duration.ofSeconds(61));
        assertThat(cache.get("a", this::snapshot)).isSameAs(first);
        clock.advance(Duration.ofSeconds(60));
        assertThat(cache.get("a", this::snapshot).at()).isAfter(first.at());
    }

    @Test
    void anotherFilterIsAnotherEntry() {
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(1), 10, ReportSnapshot::at, Runnable::run);
        cache.get("a", this::snapshot);
        cache.get("b", this::snapshot);
        assertThat(computed).hasValue(2);
    }

    @Test
    void withAgeZeroNothingIsKept() {
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ZERO, 10, ReportSnapshot::at, Runnable::run);
        cache.get("a", this::snapshot);
        cache.get("a", this::snapshot);
        assertThat(computed).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void atMostMaxEntriesAreKeptTheOldestGoingFirst() {
        ReportCache<String, ReportSnapshot> cache =
                new ReportCache<>(clock, Duration.ofMinutes(10), 3, ReportSnapshot::at, Runnable::run);
        for (String k : List.of("a", "b", "c", "d")) {
            cache.get(k, this::snapshot);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(cache.size()).isEqualTo(3);
        cache.get("a", this::snapshot); // "a" was the oldest: gone, computed again
        assertThat(computed).hasValue(5);
    }
}
