package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestClock;
import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The personal-manager hold job as the scheduler calls it (see {@code ScheduledJobsTests}). */
class HoldReleaseJobTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RoutingAssignments assignments;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    TestClock clock;

    @Test
    void aRequestHeldTooLongForItsManagerGoesToTheGeneralQueueWithANote() {
        StaffView manager = data.member(Role.MANAGER);
        TestData.Client premium = data.client();
        terms.update(premium.organization().id(), 0, manager.id(), 1, 8, false);
        TicketView t = data.request(premium, "Held for the manager", "text");

        assignments.releaseOverdueHolds();
        assertThat(jdbc.queryForObject(
                        "select held_for_id from routing_request where ticket_id = ?", Long.class, t.id()))
                .as("held within its 30 minutes")
                .isEqualTo(manager.id());

        clock.advance(Duration.ofMinutes(31));
        assignments.releaseOverdueHolds();

        assertThat(jdbc.queryForObject(
                        "select held_for_id is null from routing_request where ticket_id = ?", Boolean.class, t.id()))
                .isTrue();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_message where ticket_id = ? and kind = 'INTERNAL_NOTE'",
                        Long.class,
                        t.id()))
                .isEqualTo(1);
    }
}
