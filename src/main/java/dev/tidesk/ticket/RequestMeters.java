package dev.tidesk.ticket;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@code tidesk.requests.opened}, tagged by channel (EMAIL, PHONE, PORTAL, API): counted once the
 * request's transaction committed, so a request rolled back is not counted. Every channel is
 * registered from the start, at zero. (Not "created": Prometheus reserves the {@code _created}
 * suffix and would publish {@code tidesk.requests.created} as {@code tidesk_requests_total}.)
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

    @TransactionalEventListener
    void on(RequestCreated event) {
        created.get(event.channel()).increment();
    }
}
