package dev.tidesk.bench;

import dev.tidesk.WebTest;
import dev.tidesk.notice.Notices;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestFilter;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workspace's new reads on a million requests: the bell's count and the unread marks of a page
 * (with 2 million notices of 50 people), and the request list's closed, filtered and sorted views.
 * Each is called through its bean, as the pages call it, 200 times after 20 warm-up calls; the
 * harness prints p50/p95/p99 and calls per second. Not part of the build: run with
 * {@code ./mvnw -B verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=MillionListBenchmark -Dtidesk.bench=true}; the figures go to target/million-list-bench.txt.
 */
@EnabledIfSystemProperty(named = "tidesk.bench", matches = "true")
class MillionListBenchmark extends WebTest {

    static final int WARM = 20;
    static final int RUNS = 200;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Notices notices;

    @Autowired
    RequestQueries queries;

    @Test
    void measureTheBellAndTheListsOnAMillionRequests() throws Exception {
        List<StaffView> people = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            people.add(data.agent());
        }
        long first = people.get(0).id();
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into ticket (number, tid, subject, organization_id, organization_name, channel, urgency, urgency_rank,
                                    status, assignee_id, created_at, updated_at)
                select 60000000 + g, 'MLB-' || g, 'Обращение номер ' || g || case when g % 100 = 0 then ' корзина' else '' end,
                       1 + g % 1000, 'Клиент ' || (g % 1000),
                       (array['EMAIL','PHONE','PORTAL','API'])[1 + g % 4],
                       (array['CRITICAL','HIGH','NORMAL','LOW'])[1 + (g % 97) % 4], (g % 97) % 4,
                       case when g % 10 < 8 then 'CLOSED' when g % 10 = 8 then 'RESOLVED' else 'OPEN' end,
                       case when g % 3 = 0 then null else ?::bigint + g % 50 end,
                       now() - make_interval(mins => g), now() - make_interval(mins => g / 2)
                from generate_series(1, 1000000) g""", first);
        jdbc.update("""
                insert into notification (recipient_id, kind, ticket_id, tid, created_at, read_at)
                select ?::bigint + g % 50, 'CLIENT_REPLIED', t.id, t.tid, now() - make_interval(mins => g),
                       case when g % 40 = 0 then null else now() end
                from generate_series(1, 2000000) g
                join ticket t on t.number = 60000000 + 1 + (g % 1000000)""", first);
        // as autovacuum leaves a table after a load of this size: statistics and the visibility map
        jdbc.execute("vacuum analyze ticket");
        jdbc.execute("vacuum analyze notification");
        StringBuilder out = new StringBuilder();
        out.append("generated 1,000,000 requests and 2,000,000 notices (50,000 unread) in ")
                .append((System.nanoTime() - t0) / 1_000_000)
                .append(" ms\n\n| read | p50 ms | p95 ms | p99 ms | calls per second |\n|---|---:|---:|---:|---:|\n");

        List<Long> pageIds = jdbc.queryForList(
                "select id from ticket where tid like 'MLB-%' order by created_at desc limit 50", Long.class);
        RequestFilter closed = filter(Set.of(Status.CLOSED, Status.RESOLVED), null, null, null);
        measure(out, "bell count (one person, 1,000 unread)", () -> notices.unreadCount(first));
        measure(out, "unread marks of a 50-row page", () -> notices.unseen(first, pageIds));
        measure(
                out,
                "list: closed and resolved, changed first, page 1",
                () -> queries.filter(closed, RequestFilter.Column.UPDATED, false, 0, 50));
        measure(out, "list: closed and resolved, count (capped)", () -> queries.count(closed));
        measure(
                out,
                "list: everything, newest first, page 1",
                () -> queries.filter(filter(Set.of(), null, null, null), RequestFilter.Column.CREATED, false, 0, 50));
        measure(
                out,
                "list: one client, newest first, page 1",
                () -> queries.filter(filter(Set.of(), 7L, null, null), RequestFilter.Column.CREATED, false, 0, 50));
        measure(
                out,
                "list: open, one assignee, by urgency",
                () -> queries.filter(
                        filter(Set.of(Status.OPEN), null, first + 7, null), RequestFilter.Column.URGENCY, true, 0, 50));
        measure(
                out,
                "list: a word in 1 % of subjects, newest first",
                () -> queries.filter(
                        filter(Set.of(), null, null, "корзина"), RequestFilter.Column.CREATED, false, 0, 50));
        measure(
                out,
                "list: closed, page 100 (offset 4,950)",
                () -> queries.filter(closed, RequestFilter.Column.UPDATED, false, 99, 50));

        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "million-list-bench.txt"), out);
        System.out.println(out);

        jdbc.execute("delete from notification where tid like 'MLB-%'");
        jdbc.execute("delete from ticket where tid like 'MLB-%'");
    }

    private static RequestFilter filter(Set<Status> statuses, Long organization, Long assignee, String text) {
        return new RequestFilter(
                statuses, organization, null, assignee, false, null, null, null, null, null, null, text);
    }

    private static void measure(StringBuilder out, String name, Supplier<?> call) {
        for (int i = 0; i < WARM; i++) {
            call.get();
        }
        double[] ms = new double[RUNS];
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(ms);
        out.append(String.format(
                java.util.Locale.ROOT,
                "| %s | %.2f | %.2f | %.2f | %.0f |%n",
                name,
                ms[RUNS / 2],
                ms[(int) (RUNS * 0.95)],
                ms[(int) (RUNS * 0.99)],
                RUNS / seconds));
    }
}
