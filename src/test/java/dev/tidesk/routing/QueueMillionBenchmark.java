package dev.tidesk.routing;

import dev.tidesk.WebTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The queue query on a million requests (300,000 of them open and unassigned), measured with
 * EXPLAIN ANALYZE. Not part of the build: run with
 * {@code ./mvnw -B test -Dtest=QueueMillionBenchmark -Dtidesk.bench=true}; the plans go to
 * target/queue-bench.txt.
 */
@EnabledIfSystemProperty(named = "tidesk.bench", matches = "true")
class QueueMillionBenchmark extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void explainTheQueueOnAMillionRequests() throws Exception {
        StringBuilder out = new StringBuilder();
        long t0 = System.nanoTime();
        jdbc.execute("""
                insert into ticket (number, tid, subject, organization_id, organization_name, channel, urgency, urgency_rank,
                                    status, created_at, updated_at)
                select 50000000 + g, 'BENCH-' || g, 'Обращение номер ' || g, 1 + g % 5000, 'Клиент ' || (g % 5000), 'PORTAL',
                       (array['CRITICAL','HIGH','NORMAL','LOW'])[1 + (g % 97) % 4], (g % 97) % 4,
                       case when g % 10 < 7 then 'CLOSED' else 'NEW' end,
                       now() - make_interval(mins => g % 500000), now()
                from generate_series(1, 1000000) g""");
        jdbc.execute("""
                insert into routing_request (ticket_id, organization_id, urgency_rank, tier_rank, created_at, queued, due_at)
                select t.id, t.organization_id, t.urgency_rank,
                       case when t.organization_id % 4 = 3 then 9 else t.organization_id % 4 end,
                       t.created_at, t.status = 'NEW',
                       case when t.organization_id % 4 = 3 then null
                            else t.created_at + (2 + (t.organization_id % 4) * 4) * interval '1 hour' end
                from ticket t where t.tid like 'BENCH-%'""");
        // the SLA watch's mark on requests past their deadline, which lifts them within their urgency
        jdbc.execute(
                "update routing_request set breached_at = due_at where due_at <= now() and ticket_id in (select id from ticket where tid like 'BENCH-%')");
        jdbc.execute("analyze ticket");
        jdbc.execute("analyze routing_request");
        out.append("generated 1,000,000 requests in ")
                .append((System.nanoTime() - t0) / 1_000_000)
                .append(" ms\n");
        out.append("queued: ")
                .append(jdbc.queryForObject("select count(*) from routing_request where queued", Long.class))
                .append("\n\n");

        explain(
                out,
                "first page (50)",
                RoutingQueue.SELECT + RoutingQueue.QUEUED + RoutingQueue.ORDER + " limit 50 offset 0");
        explain(
                out,
                "page 100 (offset 4950)",
                RoutingQueue.SELECT + RoutingQueue.QUEUED + RoutingQueue.ORDER + " limit 50 offset 4950");
        explain(
                out,
                "take-next",
                "select r.ticket_id from routing_request r join ticket t on t.id = r.ticket_id" + RoutingQueue.QUEUED
                        + RoutingQueue.ORDER + " limit 1 for update of r skip locked");
        explain(
                out,
                "count",
                "select count(*) from routing_request r join ticket t on t.id = r.ticket_id" + RoutingQueue.QUEUED);

        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "queue-bench.txt"), out);
        System.out.println(out);

        jdbc.execute("delete from routing_request where ticket_id in (select id from ticket where tid like 'BENCH-%')");
        jdbc.execute("delete from ticket where tid like 'BENCH-%'");
    }

    private void explain(StringBuilder out, String name, String sql) {
        out.append("== ").append(name).append(" ==\n");
        // warm once, then measure
        jdbc.queryForList("explain analyze " + sql);
        List<String> plan = jdbc.queryForList("explain (analyze, buffers) " + sql, String.class);
        plan.forEach(line -> out.append(line).append('\n'));
        out.append('\n');
    }
}
