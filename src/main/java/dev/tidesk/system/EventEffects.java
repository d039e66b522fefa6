package dev.tidesk.system;

import java.time.Duration;
import java.util.Collection;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The effects that follow a change ({@code @ApplicationModuleListener}s: statement, SLA and
 * plan-alert mails, routing's copy of contract terms) run after the change commits, on Spring's
 * task executor, and the event publication registry keeps each until it has run. Every start runs
 * again what a crash cut off ({@code spring.modulith.events.republish-outstanding-events-on-restart});
 * this job also runs again, while the application keeps running, what failed (a database hiccup,
 * a template error fixed since), once it is older than {@code tidesk.events.retry-after}. The
 * listeners are idempotent (the outbox is keyed by event and recipient), so a second run of one
 * that did finish its work sends nothing twice.
 */
@Component
public class EventEffects {

    private static final Logger log = LoggerFactory.getLogger(EventEffects.class);

    private final EventPublicationRegistry registry;
    private final IncompleteEventPublications incomplete;
    private final Duration retryAfter;

    EventEffects(
            EventPublicationRegistry registry,
            IncompleteEventPublications incomplete,
            @Value("${tidesk.events.retry-after:5m}") Duration retryAfter) {
        this.registry = registry;
        this.incomplete = incomplete;
        this.retryAfter = retryAfter;
    }

    @Scheduled(
            fixedDelayString = "${tidesk.events.retry-interval:5m}",
            initialDelayString = "${tidesk.events.retry-interval:5m}")
    @SchedulerLock(
            name = "system-event-retry",
            lockAtMostFor = "${tidesk.events.retry-interval:5m}",
            lockAtLeastFor = "${tidesk.events.retry-interval:5m}")
    public void retryFailed() {
        Collection<TargetEventPublication> stuck = registry.findIncompletePublicationsOlderThan(retryAfter);
        if (!stuck.isEmpty()) {
            log.info("Running {} unfinished event effect(s) again", stuck.size());
            incomplete.resubmitIncompletePublicationsOlderThan(retryAfter);
        }
    }

    /**
     * Waits until every effect published so far has run or failed, at most {@code max}: for work
     * that must follow them, such as the demo marking its mail as history, and for tests.
     *
     * @return whether everything settled in time
     */
    public boolean awaitSettled(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            if (registry.findIncompletePublications().stream()
                    .allMatch(p -> p.getStatus() == EventPublication.Status.FAILED)) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }
}
