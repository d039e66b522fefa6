package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.TestData;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** TIDs on the real PostgreSQL: unique and increasing, also when creators race or roll back. */
@Tag("database")
class TidAllocationTests extends WebTest {

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    RequestIntake intake;

    @Test
    void concurrentCreatorsGetUniqueNumbersAfterEveryEarlierOne() throws Exception {
        Client client = new TestData(context).client();
        long earlier = Long.parseLong(
                new TestData(context).request(client, "Раньше", "текст").tid().substring(4));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<TicketView>> futures = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int n = i;
            Callable<TicketView> create = () -> new TestData(context).request(client, "Параллельное " + n, "текст");
            futures.add(pool.submit(create));
        }
        List<Long> numbers = new ArrayList<>();
        for (Future<TicketView> f : futures) {
            numbers.add(Long.parseLong(f.get().tid().substring("TID-".length())));
        }
        pool.shutdown();
        assertThat(numbers).doesNotHaveDuplicates().hasSize(120).allMatch(n -> n > earlier);
    }

    @Test
    void aRolledBackRequestLeavesItsNumberUnusedAndNothingElse() {
        TestData data = new TestData(context);
        Client client = data.client();
        long before =
                Long.parseLong(data.request(client, "Первое", "текст").tid().substring(4));
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    data.request(client, "Откатится", "текст");
                    throw new IllegalStateException("fail after the request was written");
                }))
                .isInstanceOf(IllegalStateException.class);
        long after =
                Long.parseLong(data.request(client, "Следующее", "текст").tid().substring(4));
        // the rolled-back request took before + 1 and left no trace; numbers only go up
        assertThat(after).isEqualTo(before + 2);
    }
}
