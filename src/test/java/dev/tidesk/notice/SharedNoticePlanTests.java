package dev.tidesk.notice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestClock;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The bell's reads stay bounded however many shared notices there are (issue 19): on 6,000 shared
 * "new request" notices over a month, each told to the same agent and 22 others and never to the
 * head, PostgreSQL plans the header count and the list of either person through indexes, never a
 * sequential scan of {@code notification}: the head's role stops the walk of shared rows before it
 * starts (a one-time filter: the walk is never executed), the agent walks newest first down to the
 * horizon. Plans only (run with EXPLAIN ANALYZE for the rows), no time is measured (as in
 * {@code PageBudgetTests}).
 */
@Import(SqlRecorder.Config.class)
@Tag("database")
class SharedNoticePlanTests extends WebTest {

    static final int SHARED = 6_000;

    @Autowired
    SqlRecorder sql;

    @Autowired
    Notices notices;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theCountAndTheListOfAHeadAndOfAnAgentReadSharedNoticesThroughIndexes() throws Exception {
        StaffView agent = data.agent();
        StaffView head = data.member(Role.HEAD);
        TicketView ticket = data.request(data.client(), "План чтения", "Текст");
        try {
            // one every 7 minutes back from now: a month, a quarter of it within the horizon
            jdbc.update("""
                    insert into notification (audience, kind, ticket_id, tid, params, created_at)
                    select array[?::bigint] || array(select 900000000 + k from generate_series(1, 22) k),
                           'NEW_REQUEST', ?, 'SP-' || g, '{}', ?::timestamptz - make_interval(mins => g * 7)
                      from generate_series(1, ?) g""", agent.id(), ticket.id(), Timestamp.from(clock.instant()), SHARED);
            // the agent read every third of them on its own
            jdbc.update("""
                    insert into notification_read (staff_id, notification_id, read_at)
                    select ?, id, created_at from notification where tid like 'SP-%' and id % 3 = 0""", agent.id());
            jdbc.execute("vacuum analyze notification");
            jdbc.execute("vacuum analyze notification_read");

            assertThat(notices.unreadCount(agent.id())).isEqualTo(Notices.COUNT_CAP);
            assertThat(notices.recent(agent.id())).hasSize(Notices.PAGE);
            assertThat(notices.unreadCount(head.id())).isZero();

            Map<String, String> plans = new LinkedHashMap<>();
            plans.put("head count", plan(() -> notices.unreadCount(head.id())));
            plans.put("head list", plan(() -> notices.recent(head.id())));
            plans.put("agent count", plan(() -> notices.unreadCount(agent.id())));
            plans.put("agent list", plan(() -> notices.recent(agent.id())));
            plans.forEach((read, plan) -> System.out.println("SharedNoticePlanTests " + read + ":\n" + plan));

            plans.forEach((read, plan) -> assertThat(plan)
                    .as(read + "\n" + plan)
                    .doesNotContainPattern("Seq Scan on notification\\b")
                    .contains("notification_shared_"));
            // a head is never told: the walk of the shared rows is never started
            assertThat(plans.get("head count")).contains("One-Time Filter").contains("(never executed)");
            assertThat(plans.get("head list")).contains("One-Time Filter").contains("(never executed)");
            assertThat(plans.get("agent count")).contains("notification_shared_newest_idx");
            // the count is planned once per connection: its plan is the generic one, with the parameters unbound
            assertThat(plans.get("agent count")).containsPattern("recipient_id = \\$\\d");
            assertThat(plans.get("head count")).containsPattern("recipient_id = \\$\\d");
            assertThat(plans.get("agent list")).contains("notification_shared_newest_idx");
        } finally {
            jdbc.update("delete from notification where tid like 'SP-%'");
        }
    }

    @Test
    void theCountAskedInsideAnotherTransactionLeavesItsPlanSettingsAlone() {
        StaffView agent = data.agent();
        String after = new TransactionTemplate(transactions).execute(t -> {
            notices.unreadCount(agent.id());
            return jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class);
        });
        assertThat(after).isEqualTo("auto");
    }

    /**
     * The plan of the one read {@code read} sends, with its parameters: the generic plan when it asks
     * PostgreSQL for one (as the header's count does), else the plan made for its values.
     */
    private String plan(Runnable read) throws Exception {
        sql.start();
        List<SqlRecorder.Recorded> sent;
        try {
            read.run();
        } finally {
            sent = sql.stop();
        }
        List<SqlRecorder.Recorded> reads =
                sent.stream().filter(r -> !r.sql().startsWith("set ")).toList();
        assertThat(reads).hasSize(1);
        boolean generic = sent.stream().anyMatch(r -> r.sql().contains("plan_cache_mode = force_generic_plan"));
        try (Connection c = dataSource.getConnection()) {
            return generic
                    ? genericPlan(c, reads.get(0))
                    : reads.get(0).explain(c, "analyze, costs off, timing off, summary off");
        }
    }

    /**
     * The generic plan of the statement, run with its parameters: prepared under its own name with
     * {@code $n} for each {@code ?}, executed with {@code plan_cache_mode = force_generic_plan}.
     */
    private static String genericPlan(Connection c, SqlRecorder.Recorded read) throws Exception {
        int[] n = {0};
        String numbered = Pattern.compile("\\?").matcher(read.sql()).replaceAll(m -> "\\$" + ++n[0]);
        String values = read.parameters().get(0).stream()
                .sorted(Comparator.comparingInt(op -> (Integer) op.getArgs()[0]))
                .map(op -> "'" + op.getArgs()[1] + "'")
                .collect(Collectors.joining(", "));
        StringBuilder plan = new StringBuilder();
        try (Statement st = c.createStatement()) {
            st.execute("set plan_cache_mode = force_generic_plan");
            st.execute("prepare generic_read as " + numbered);
            try (ResultSet rs = st.executeQuery(
                    "explain (analyze, costs off, timing off, summary off) execute generic_read(" + values + ")")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            } finally {
                st.execute("deallocate generic_read");
                st.execute("reset plan_cache_mode");
            }
        }
        return plan.toString();
    }
}
