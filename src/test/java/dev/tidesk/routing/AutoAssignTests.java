package dev.tidesk.routing;

import java.util.HashMap;
import java.util.Map;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.Availability;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

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
        jdbc.query("select assignee_id, count(*) from ticket where assignee_id is not null and status not in ('RESOLVED', 'CLOSED') group by assignee_id",
                rs -> {
                    load.put(rs.getLong(1), rs.getLong(2));
                });
        long least = staff.everyone().stream()
                .filter(s -> s.role() == Role.AGENT && s.availability() == Availability.AVAILABLE)
                .mapToLong(s -> load.getOrDefault(s.id(), 0L)).min().orElseThrow();

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
}
