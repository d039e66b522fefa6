package dev.tidesk.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.WebTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mails from new senders processed at the same moment all ask for the triage organization; the
 * first creates it, the others find it (creating it twice failed all but one of them).
 */
class OrganizationNamedTests extends WebTest {

    @Autowired
    Customers customers;

    @Test
    void eightAtOnceAskingForANewOrganizationGetTheSameOneAndNoneFails() throws Exception {
        String name = "Разовые обращения " + System.nanoTime();
        CyclicBarrier start = new CyclicBarrier(8);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Long> ask = () -> {
                    start.await();
                    return customers.organizationNamed(name).id();
                };
                results.add(pool.submit(ask));
            }
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<Long> f : results) {
                ids.add(f.get());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(customers.organizations().stream()
                        .filter(o -> o.name().equalsIgnoreCase(name))
                        .collect(Collectors.toList()))
                .hasSize(1);
    }
}
