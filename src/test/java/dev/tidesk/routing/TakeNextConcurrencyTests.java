package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@Tag("database")
class TakeNextConcurrencyTests extends WebTest {

    @Autowired
    RoutingQueue queue;

    @Autowired
    RequestQueries requests;

    @Test
    void twentyAgentsPressingTakeNextAtOnceGetTenRequestsEachExactlyOnce() throws Exception {
        // the queue is shared with other tests: empty it first
        StaffView sweeper = data.agent();
        while (queue.takeNext(sweeper.id(), sweeper.fullName()).isPresent()) {
            // taken
        }
        TestData.Client client = data.client();
        List<TicketView> mine = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            mine.add(data.request(client, "Concurrent " + i, "body"));
        }
        List<StaffView> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            agents.add(data.agent());
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<Optional<String>>> results = new ArrayList<>();
        for (StaffView agent : agents) {
            results.add(pool.submit(() -> {
                start.await();
                return queue.takeNext(agent.id(), agent.fullName());
            }));
        }
        start.countDown();
        List<String> taken = Collections.synchronizedList(new ArrayList<>());
        int empty = 0;
        for (Future<Optional<String>> f : results) {
            Optional<String> tid = f.get(60, TimeUnit.SECONDS);
            if (tid.isPresent()) {
                taken.add(tid.get());
            } else {
                empty++;
            }
        }
        pool.shutdown();

        Set<String> distinct = new HashSet<>(taken);
        assertThat(taken).hasSize(10);
        assertThat(distinct)
                .containsExactlyInAnyOrderElementsOf(
                        mine.stream().map(TicketView::tid).toList());
        assertThat(empty).isEqualTo(10);
        for (TicketView t : mine) {
            TicketView now = requests.ticket(t.id());
            assertThat(now.assigneeId()).isNotNull();
            List<HistoryEntry> assignments = requests.history(t.id()).stream()
                    .filter(h -> h.field().equals("assignee"))
                    .toList();
            assertThat(assignments).hasSize(1);
        }
        assertThat(queue.order(mine.stream().map(TicketView::id).toList())).isEmpty();
    }
}
