package dev.tidesk.demo;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Readiness ({@code demo}): OUT_OF_SERVICE while the demo data load, when every page answers 503
 * anyway; the process itself is alive (liveness stays UP).
 */
@Component
class DemoHealthIndicator implements HealthIndicator {

    private final DemoLoading demo;

    DemoHealthIndicator(DemoLoading demo) {
        this.demo = demo;
    }

    @Override
    public Health health() {
        return demo.loading()
                ? Health.outOfService().withDetail("demo", "loading").build()
                : Health.up().build();
    }
}
