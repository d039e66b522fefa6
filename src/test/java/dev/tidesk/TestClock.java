package dev.tidesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The application's clock in tests: real time plus an offset that a test moves. Time keeps
 * flowing (jobs, retries and timeouts behave as in production), and a test of a deadline or of a
 * month's close moves the clock instead of pushing rows into the past. After every test the clock
 * is back on real time ({@link Reset}, registered in {@code META-INF/spring.factories}).
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private volatile Instant frozen;

    /** Moves time forward (or back, with a negative amount). */
    public TestClock advance(Duration amount) {
        offset.accumulateAndGet(amount, Duration::plus);
        return this;
    }

    /** Moves time to {@code moment}; it flows on from there. */
    public TestClock moveTo(Instant moment) {
        offset.set(Duration.between(Instant.now(Clock.systemUTC()), moment));
        return this;
    }

    /** Moves time to a wall-clock moment in {@code zone}. */
    public TestClock moveTo(LocalDateTime moment, ZoneId zone) {
        return moveTo(moment.atZone(zone).toInstant());
    }

    /** Stops time at a wall-clock moment in {@code zone}, for results that depend on the exact moment. */
    public TestClock freezeAt(LocalDateTime moment, ZoneId zone) {
        frozen = moment.atZone(zone).toInstant();
        return this;
    }

    public void reset() {
        frozen = null;
        offset.set(Duration.ZERO);
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : Instant.now(Clock.systemUTC()).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
        TestClock self = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return self.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return self.withZone(other);
            }
        };
    }

    /** Puts the test clock in every application context the tests start. */
    @Configuration(proxyBeanMethods = false)
    static class Setup {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }

    /** Sets the clock back to real time after each test, so no test leaks its time into the next. */
    public static class Reset implements TestExecutionListener {

        @Override
        public void afterTestMethod(TestContext context) {
            if (context.hasApplicationContext()) {
                context.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
            }
        }
    }
}
