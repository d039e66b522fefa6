package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/** Auto-assignment (off by default) gives a new request to the available agent with the fewest open requests. */
class AutoAssignTests extends WebTest {

    @Autowired
    RoutingAssignments assignments;

    @Autowired
    RequestQueries requests;

    @Autowired
    StaffDirectory staff;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void offByDefaultAndWhenAskedPicksTheLeastLoadedAvailableAgent() {
        TestData.Client client = data.client();
        data.agent();
        StaffView away = data.agent();
        staff.setAvailability(away.id(), Availability.AWAY);
        TicketView t = data.request(client, "Автоназначение", "Проверка");
        assertThat(requests.ticket(t.id()).assigneeId()).as("off by default").isNull();

        Map<Long, Long> load = new HashMap<>();
        jdbc.query(
                "select assignee_id, count(*) from ticket where assignee_id is not null and status not in ('RESOLVED', 'CLOSED') group by assignee_id",
                rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        long least = staff.everyone().stream()
                .filter(s -> s.role() == Role.AGENT && s.availability() == Availability.AVAILABLE)
                .mapToLong(s -> load.getOrDefault(s.id(), 0L))
                .min()
                .orElseThrow();

        assignments.autoAssign(t.id());
        Long chosen = requests.ticket(t.id()).assigneeId();
        assertThat(chosen).isNotNull().isNotEqualTo(away.id());
        StaffView agent = staff.member(chosen);
        assertThat(agent.role()).isEqualTo(Role.AGENT);
        assertThat(agent.availability()).isEqualTo(Availability.AVAILABLE);
        assertThat(load.getOrDefault(chosen, 0L)).isEqualTo(least);
        // a request already taken is left alone
        assignments.autoAssign(t.id());
        assertThat(requests.ticket(t.id()).assigneeId()).isEqualTo(chosen);
    }

    /**
     * Switched on, it runs in the transaction that opens the request: the request is assigned once it
     * exists, filed once in the queue, and its creation is told once (the listener saves the request
     * while its events are being published).
     */
    @Test
    void whenOnANewRequestIsAssignedInTheTransactionThatOpensIt() {
        TestData.Client client = data.client();
        data.agent();
        ReflectionTestUtils.setField(assignments, "autoAssign", true);
        TicketView t;
        try {
            t = data.request(client, "Автоназначение при создании", "Проверка");
        } finally {
            ReflectionTestUtils.setField(assignments, "autoAssign", false);
        }
        TicketView now = requests.ticket(t.id());
        assertThat(now.assigneeId()).isNotNull();
        assertThat(staff.member(now.assigneeId()).role()).isEqualTo(Role.AGENT);
        assertThat(jdbc.queryForObject("select queued from routing_request where ticket_id = ?", Boolean.class, t.id()))
                .as("an assigned request is not in the general queue")
                .isFalse();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_history where ticket_id = ? and field = 'assignee'",
                        Integer.class,
                        t.id()))
                .as("assigned once")
                .isEqualTo(1);
    }
}
