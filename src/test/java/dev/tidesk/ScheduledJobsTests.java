package dev.tidesk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.mail.MailIntake;
import dev.tidesk.routing.SlaWatch;
import dev.tidesk.shared.Installation;
import dev.tidesk.ticket.TicketView;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The scheduled jobs as the scheduler calls them: through their no-argument methods. Each of
 * these once called its own transactional method directly, which ran it without a transaction:
 * SLA warnings failed, returned deferrals were never saved.
 */
class ScheduledJobsTests extends WebTest {

    @Autowired
    Installation installation;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SlaWatch slaWatch;

    @Autowired
    TestClock clock;

    @Autowired
    Deferrals deferrals;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    dev.tidesk.mail.MailIntake mailIntake;

    @Test
    void theSlaWatchWarnsOfADeadlineDueWithinTheHour() {
        TestData.Client client = data.client();
        new ContractFixtures(context).sign(client, PlanCode.STANDARD, 2);
        TicketView t = data.request(client, "Deadline soon", "text");
        java.time.Instant due = jdbc.queryForObject(
                        "select first_response_due_at from routing_request where ticket_id = ?",
                        java.sql.Timestamp.class,
                        t.id())
                .toInstant();

        clock.moveTo(due.minus(java.time.Duration.ofHours(2)));
        slaWatch.check();
        assertThat(warned(t.id())).as("two hours before the deadline").isFalse();

        clock.moveTo(due.minus(java.time.Duration.ofMinutes(30)));
        slaWatch.check();
        assertThat(warned(t.id())).as("half an hour before the deadline").isTrue();
    }

    @Test
    void oneSlaCheckWarnsAboutAtMostItsShareTheEarliestDeadlinesFirstAndTheNextCheckGoesOn() {
        TestData.Client client = data.client();
        new ContractFixtures(context).sign(client, PlanCode.STANDARD, 2);
        int burst = SlaWatch.WARNINGS_PER_CHECK + 5;
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < burst; i++) {
            ids.add(data.request(client, "Burst " + i, "text").id());
        }
        // a burst sharing one minute's deadlines, the last request's deadline the earliest
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.freezeAt(java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC), java.time.ZoneOffset.UTC);
        for (int i = 0; i < burst; i++) {
            java.sql.Timestamp due = java.sql.Timestamp.from(now.plusSeconds(5).plusMillis(burst - i));
            jdbc.update(
                    "update routing_request set first_response_due_at = ?, due_at = ? where ticket_id = ?",
                    due,
                    due,
                    ids.get(i));
        }

        slaWatch.check();
        assertThat(ids.stream().filter(this::warned).toList())
                .as("one check: the earliest deadlines, as many as one check warns about")
                .containsExactlyInAnyOrderElementsOf(ids.subList(burst - SlaWatch.WARNINGS_PER_CHECK, burst));

        slaWatch.check();
        assertThat(ids.stream().filter(this::warned).toList())
                .as("the next check goes on with the rest")
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    private boolean warned(long ticketId) {
        return jdbc.queryForObject(
                "select warned_first_response_due is not null from routing_request where ticket_id = ?",
                Boolean.class,
                ticketId);
    }

    @Test
    void theInboundRetryJobProcessesAStoredMessageWhoseProcessingWasCutOff() {
        TestData.Client client = data.client();
        String raw = "From: " + client.login() + "\r\nTo: support@tidesk.local\r\nSubject: Cut off\r\nMessage-ID: <cut-"
                + System.nanoTime() + "@client.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8"
                + "\r\n\r\nThe process died after storing this\r\n";
        long id = mailIntake
                .store("test", raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .id();

        mailIntake.processDueMessages();

        assertThat(jdbc.queryForObject("select status from mail_inbound where id = ?", String.class, id))
                .isEqualTo("PROCESSED");
    }

    @Test
    void theInboundRetryJobWorksThroughABacklogLargerThanOneBatch() {
        TestData.Client client = data.client();
        int backlog = MailIntake.DUE_BATCH * 2 + 10;
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < backlog; i++) {
            String raw = "From: " + client.login() + "\r\nTo: support@tidesk.local\r\nSubject: Backlog " + i
                    + "\r\nMessage-ID: <backlog-" + i + "-" + System.nanoTime()
                    + "@client.example>\r\nMIME-Version: 1.0"
                    + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nLeft stored by a stop\r\n";
            ids.add(mailIntake
                    .store("test", raw.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .id());
        }

        mailIntake.processDueMessages();

        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_inbound where id = any(?) and status = 'PROCESSED'",
                        Long.class,
                        (Object) ids.toArray(Long[]::new)))
                .isEqualTo(backlog);
    }

    @Test
    void anAcceptedDeferralComesBackToTheQueueOnItsMonthAndIsMarkedReturned() {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Deferred work", "text");
        jdbc.update("update ticket set status = 'DEFERRED' where id = ?", t.id());
        jdbc.update("""
                insert into deferral (ticket_id, organization_id, target_month, status, token_hash, expires_at,
                                      proposed_by, proposed_at, answered_by, answered_at)
                values (?, ?, date_trunc('month', current_date), 'ACCEPTED', md5(random()::text), now(), 'Agent',
                        now() - interval '40 days', 'Client', now() - interval '39 days')""", t.id(), client.organization().id());

        deferrals.returnDueToday();

        assertThat(jdbc.queryForObject("select status from ticket where id = ?", String.class, t.id()))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject(
                        "select returned_at is not null from deferral where ticket_id = ?", Boolean.class, t.id()))
                .isTrue();
    }

    @Test
    void theMonthlyCloseFreezesLastMonth() {
        TestData.Client client = data.client();
        // the month closes in the installation's zone, which may already be in the next month
        YearMonth last = YearMonth.now(clock.withZone(installation.timeZone())).minusMonths(1);
        long contract =
                new ContractFixtures(context).sign(client, PlanCode.STANDARD, 2).id();

        monthlyClose.closePreviousMonth();

        assertThat(jdbc.queryForObject(
                        "select count(*) from ledger_month where contract_id = ? and month = ?",
                        Long.class,
                        contract,
                        java.sql.Date.valueOf(last.atDay(1))))
                .isEqualTo(1);
    }
}
