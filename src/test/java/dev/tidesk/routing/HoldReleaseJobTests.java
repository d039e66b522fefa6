package dev.tidesk.routing;

import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The personal-manager hold job as the scheduler calls it (see {@code ScheduledJobsTests}). */
class HoldReleaseJobTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RoutingAssignments assignments;

    @Test
    void aRequestHeldTooLongForItsManagerGoesToTheGeneralQueueWithANote() {
        StaffView manager = data.agent();
        TicketView t = data.request(data.client(), "Held for the manager", "text");
        jdbc.update("update routing_request set held_for_id = ?, held_until = now() - interval '1 minute' where ticket_id = ?",
                manager.id(), t.id());

        assignments.releaseOverdueHolds();

        assertThat(jdbc.queryForObject("select held_for_id is null from routing_request where ticket_id = ?", Boolean.class,
                t.id())).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from ticket_message where ticket_id = ? and kind = 'INTERNAL_NOTE'",
                Long.class, t.id())).isEqualTo(1);
    }
}
