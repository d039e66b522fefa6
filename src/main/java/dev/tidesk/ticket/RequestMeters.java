package dev.tidesk.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code tidesk.requests.opened}, tagged by channel (EMAIL, PHONE, PORTAL, API): counted once the
 * request's transaction committed, so a request rolled back is not counted. Every channel is
 * registered from the start, at zero. (Not "created": Prometheus reserves the {@code _created}
 * suffix and would publish {@code tidesk.requests.created} as {@code tidesk_requests_total}.)
 *
 * <p>A plain listener that counts on commit, not a {@code @TransactionalEventListener}: Spring
 * Modulith records a publication for every one of those (an insert, an update and a delete in two
 * more commits per request), which a counter in memory does not need.
 */
@Component
class RequestMeters {

    private final Map<Channel, Counter> created = new EnumMap<>(Channel.class);

    RequestMeters(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            created.put(
                    channel,
                    Counter.builder("tidesk.requests.opened")
                            .description("Requests opened, by the channel they came in on")
                            .tag("channel", channel.name())
                            .register(registry));
        }
    }

    @EventListener
    void on(RequestCreated event) {
        Counter counter = created.get(event.channel());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
