package dev.tidesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.Role;
import dev.tidesk.shared.Installation;
import dev.tidesk.team.StaffView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Every figure on a small hand-made data set in 2001 (no other test writes there), with the
 * answers worked out by hand in the comments. The installation's zone is Moscow (UTC+3).
 */
@Tag("database")
class ReportsTests extends WebTest {

    /** Thursday 15 March 2001, 12:00 in Moscow. */
    static final Instant NOW = Instant.parse("2001-03-15T09:00:00Z");

    @Autowired
    dev.tidesk.TestClock clock;

    @Autowired
    Reports reports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Contracts contracts;

    @Autowired
    WorkLog workLog;

    @Autowired
    NamedParameterJdbcTemplate namedJdbc;

    @Autowired
    Installation installation;

    @Autowired
    Ledgers ledgers;

    static TestData.Client client;
    static StaffView anna;
    static StaffView boris;

    @BeforeEach
    void handMadeData() {
        if (client != null) {
            return;
        }
        TestData data = new TestData(context);
        client = data.client();
        anna = data.member(Role.AGENT);
        boris = data.member(Role.AGENT);
        long base = 9_000_000_000L + (System.nanoTime() % 1_000_000) * 10;
        // T1: an hour old, new, no reply yet
        long t1 = ticket(base + 1, "2001-03-15T08:00:00Z", "NEW", "EMAIL", "CRITICAL", null, null, null, null);
        // T2: three days old, open, first reply after 10 minutes by Anna
        long t2 = ticket(
                base + 2, "2001-03-12T10:00:00Z", "OPEN", "PORTAL", "NORMAL", anna, "2001-03-12T10:10:00Z", null, null);
        // T3: 23 days old, waiting for the client, first reply after 30 minutes by Boris
        long t3 = ticket(
                base + 3,
                "2001-02-20T10:00:00Z",
                "WAITING_FOR_CLIENT",
                "PHONE",
                "NORMAL",
                boris,
                "2001-02-20T10:30:00Z",
                null,
                null);
        // T4: 64 days old, deferred, first reply after 2 hours
        ticket(
                base + 4,
                "2001-01-10T10:00:00Z",
                "DEFERRED",
                "EMAIL",
                "NORMAL",
                boris,
                "2001-01-10T12:00:00Z",
                null,
                null);
        // T5: resolved by Anna on 13 March, first reply after 5 hours
        long t5 = ticket(
                base + 5,
                "2001-03-01T07:00:00Z",
                "RESOLVED",
                "EMAIL",
                "NORMAL",
                anna,
                "2001-03-01T12:00:00Z",
                "2001-03-13T10:00:00Z",
                null);
        // T6: closed, resolved by Boris on 6 March, first reply after two days
        long t6 = ticket(
                base + 6,
                "2001-02-26T09:00:00Z",
                "CLOSED",
                "API",
                "NORMAL",
                boris,
                "2001-02-28T09:00:00Z",
                "2001-03-06T09:00:00Z",
                "2001-03-07T09:00:00Z");
        // T7: created after "now": the dashboard ignores it, the March report counts it
        ticket(base + 7, "2001-03-15T10:00:00Z", "OPEN", "PORTAL", "LOW", null, null, null, null);
        message(t1, "CLIENT", null, "2001-03-15T08:00:00Z");
        message(t2, "STAFF_REPLY", anna, "2001-03-12T10:10:00Z");
        message(t2, "STAFF_REPLY", anna, "2001-03-14T10:00:00Z");
        message(t5, "STAFF_REPLY", anna, "2001-03-01T12:00:00Z");
        message(t5, "STAFF_REPLY", anna, "2001-03-13T10:00:00Z");
        message(t3, "STAFF_REPLY", boris, "2001-02-20T10:30:00Z");
        message(t3, "INTERNAL_NOTE", boris, "2001-02-21T10:00:00Z");
        message(t6, "STAFF_REPLY", boris, "2001-02-28T09:00:00Z");
        message(t6, "STAFF_REPLY", boris, "2001-03-06T09:00:00Z");
        // norm-hours: Anna 90 min work on T2 and 30 min consultation on T5; Boris 60 min work on T3
        // and 45 min deploying T6
        work(t2, anna, "2001-03-12", 90, "WORK");
        work(t5, anna, "2001-03-01", 30, "CONSULTATION");
        work(t3, boris, "2001-02-20", 60, "WORK");
        work(t6, boris, "2001-03-06", 45, "DEPLOY");
        // SLA clocks: T2 replied in time, resolution still running; T3 replied late; T5 replied late,
        // resolved in time; T6 replied late and resolved late
        sla(t2, "2001-03-12T10:00:00Z", "2001-03-12T11:00:00Z", "2001-03-12T10:10:00Z", "2001-03-20T10:00:00Z", null);
        sla(t3, "2001-02-20T10:00:00Z", "2001-02-20T10:15:00Z", "2001-02-20T10:30:00Z", null, null);
        sla(
                t5,
                "2001-03-01T07:00:00Z",
                "2001-03-01T08:00:00Z",
                "2001-03-01T12:00:00Z",
                "2001-03-14T00:00:00Z",
                "2001-03-13T10:00:00Z");
        sla(
                t6,
                "2001-02-26T09:00:00Z",
                "2001-02-26T12:00:00Z",
                "2001-02-28T09:00:00Z",
                "2001-03-05T09:00:00Z",
                "2001-03-06T09:00:00Z");
        breach(t3, "FIRST_RESPONSE", "2001-02-20T10:15:00Z", boris);
        breach(t5, "FIRST_RESPONSE", "2001-03-01T08:00:00Z", anna);
        breach(t6, "FIRST_RESPONSE", "2001-02-26T12:00:00Z", boris);
        breach(t6, "RESOLUTION", "2001-03-05T09:00:00Z", boris);
    }

    @Test
    void backlogCountsOpenRequestsByStatusAndAge() {
        ReportTable backlog = reports.dashboard(NOW).backlog();
        // columns: under a day, 1-7 days, 7-30 days, older, total
        assertThat(backlog.row("NEW")).containsExactly("NEW", 1L, 0L, 0L, 0L, 1L);
        assertThat(backlog.row("OPEN")).containsExactly("OPEN", 0L, 1L, 0L, 0L, 1L);
        assertThat(backlog.row("IN_PROGRESS")).containsExactly("IN_PROGRESS", 0L, 0L, 0L, 0L, 0L);
        assertThat(backlog.row("WAITING_FOR_CLIENT")).containsExactly("WAITING_FOR_CLIENT", 0L, 0L, 1L, 0L, 1L);
        assertThat(backlog.row("DEFERRED")).containsExactly("DEFERRED", 0L, 0L, 0L, 1L, 1L);
    }

    @Test
    void weeklyNewAndResolvedFollowMoscowWeeks() {
        ReportTable weekly = reports.dashboard(NOW).weekly();
        assertThat(weekly.rows()).hasSize(12);
        assertThat(weekly.rows().get(0).get(0)).isEqualTo(LocalDate.of(2000, 12, 25));
        // created: T1, T2 in the week of 12 March; T5 and T6 (26 Feb, 12:00 in Moscow) in the week of 26 Feb
        assertThat(weekly.row(LocalDate.of(2001, 3, 12))).containsExactly(LocalDate.of(2001, 3, 12), 2L, 1L);
        assertThat(weekly.row(LocalDate.of(2001, 3, 5))).containsExactly(LocalDate.of(2001, 3, 5), 0L, 1L);
        assertThat(weekly.row(LocalDate.of(2001, 2, 26))).containsExactly(LocalDate.of(2001, 2, 26), 2L, 0L);
        assertThat(weekly.row(LocalDate.of(2001, 2, 19))).containsExactly(LocalDate.of(2001, 2, 19), 1L, 0L);
        assertThat(weekly.row(LocalDate.of(2001, 1, 8))).containsExactly(LocalDate.of(2001, 1, 8), 1L, 0L);
        long created = weekly.rows().stream().mapToLong(r -> (Long) r.get(1)).sum();
        assertThat(created).isEqualTo(6);
    }

    @Test
    void agentLoadCountsTheLastFourWeeks() {
        ReportTable agents = reports.dashboard(NOW).agents();
        // Anna: resolved T5, four replies; Boris: resolved T6, three replies (the note does not count)
        assertThat(agents.rows())
                .containsExactly(
                        Arrays.asList(anna.fullName(), 1L, 4L, 1.0), Arrays.asList(boris.fullName(), 1L, 3L, 0.8));
    }

    @Test
    void firstResponseDistributionAndChannels() {
        Dashboard d = reports.dashboard(NOW);
        // created since 15 Feb: T2 10 min, T3 30 min, T5 5 h, T6 2 days, T1 none yet
        assertThat(d.firstResponse().rows())
                .containsExactly(
                        Arrays.asList("under15m", 1L),
                        Arrays.asList("under1h", 1L),
                        Arrays.asList("under4h", 0L),
                        Arrays.asList("under1d", 1L),
                        Arrays.asList("over1d", 1L),
                        Arrays.asList("none", 1L));
        assertThat(d.channels().rows())
                .containsExactly(
                        Arrays.asList("EMAIL", 3L),
                        Arrays.asList("PORTAL", 1L),
                        Arrays.asList("PHONE", 1L),
                        Arrays.asList("API", 1L));
    }

    @Test
    void volumePerMonthByChannelAndUrgency() {
        ReportTable volume = reports.volume(quarter(null, null));
        // period, total, EMAIL, PORTAL, PHONE, API, CRITICAL, HIGH, NORMAL, LOW
        assertThat(volume.rows())
                .containsExactly(
                        Arrays.asList(LocalDate.of(2001, 1, 1), 1L, 1L, 0L, 0L, 0L, 0L, 0L, 1L, 0L),
                        Arrays.asList(LocalDate.of(2001, 2, 1), 2L, 0L, 0L, 1L, 1L, 0L, 0L, 2L, 0L),
                        Arrays.asList(LocalDate.of(2001, 3, 1), 4L, 2L, 2L, 0L, 0L, 1L, 0L, 2L, 1L));
        // one person: Anna is the assignee of T2 and T5, both in March
        assertThat(reports.volume(quarter(null, anna.id())).rows())
                .containsExactly(Arrays.asList(LocalDate.of(2001, 3, 1), 2L, 1L, 1L, 0L, 0L, 0L, 0L, 2L, 0L));
        assertThat(reports.volumeBySite(quarter(null, null)).rows())
                .containsExactly(Arrays.asList(
                        client.organization().name(), client.site().liveUrl(), 7L, 5L));
    }

    @Test
    void responseTimesPerMonth() {
        ReportTable times = reports.responseTimes(quarter(null, null));
        // Jan: T4 answered after 120 min, not resolved
        assertThat(times.row(LocalDate.of(2001, 1, 1)))
                .containsExactly(LocalDate.of(2001, 1, 1), 1L, 1L, 120.0, 120.0, 0.0, 0L, null);
        // Feb: T3 30 min, T6 2880 min: median 1455, p90 = 30 + 0.9 * 2850 = 2595; half within an hour;
        // T6 resolved after 8 days = 11520 min
        assertThat(times.row(LocalDate.of(2001, 2, 1)))
                .containsExactly(LocalDate.of(2001, 2, 1), 2L, 2L, 1455.0, 2595.0, 50.0, 1L, 11520.0);
        // Mar: T2 10 min, T5 300 min, T1 and T7 unanswered: median 155, p90 = 10 + 0.9 * 290 = 271;
        // T5 resolved after 12 days 3 hours = 17460 min
        assertThat(times.row(LocalDate.of(2001, 3, 1)))
                .containsExactly(LocalDate.of(2001, 3, 1), 4L, 2L, 155.0, 271.0, 50.0, 1L, 17460.0);
    }

    @Test
    void staffActivityPerMonthForOneClient() {
        ReportTable activity =
                reports.staffActivity(quarter(client.organization().id(), null));
        // period, person, replies, notes, resolved
        assertThat(activity.rows())
                .containsExactlyInAnyOrder(
                        Arrays.asList(LocalDate.of(2001, 2, 1), boris.fullName(), 2L, 1L, 0L),
                        Arrays.asList(LocalDate.of(2001, 3, 1), anna.fullName(), 4L, 0L, 1L),
                        Arrays.asList(LocalDate.of(2001, 3, 1), boris.fullName(), 1L, 0L, 1L));
        // weekly for Anna alone: replies on 1 Mar (week of 26 Feb), 12 and 14 Mar, 13 Mar (week of 12 Mar)
        ReportTable weekly = reports.staffActivity(
                new ReportFilter(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 3, 31), Grain.WEEK, null, anna.id()));
        assertThat(weekly.rows())
                .containsExactly(
                        Arrays.asList(LocalDate.of(2001, 2, 26), anna.fullName(), 1L, 0L, 0L),
                        Arrays.asList(LocalDate.of(2001, 3, 12), anna.fullName(), 3L, 0L, 1L));
    }

    @Test
    void normHoursPerMonthAndPersonByKind() {
        ReportTable hours = reports.normHours(quarter(client.organization().id(), null));
        // period, person, hours, work, consultation, test-copy sync, deploy, requests
        assertThat(hours.rows())
                .containsExactlyInAnyOrder(
                        Arrays.asList(LocalDate.of(2001, 2, 1), boris.fullName(), 1.0, 1.0, 0.0, 0.0, 0.0, 1L),
                        Arrays.asList(LocalDate.of(2001, 3, 1), anna.fullName(), 2.0, 1.5, 0.5, 0.0, 0.0, 2L),
                        Arrays.asList(LocalDate.of(2001, 3, 1), boris.fullName(), 0.75, 0.0, 0.0, 0.0, 0.75, 1L));
        // a client on a plan sees none of these one-off hours
        assertThat(reports.normHours(new ReportFilter(
                                LocalDate.of(2001, 1, 1),
                                LocalDate.of(2001, 3, 31),
                                Grain.MONTH,
                                client.organization().id(),
                                null,
                                "PREMIUM"))
                        .rows())
                .isEmpty();
        assertThat(reports.normHours(new ReportFilter(
                                LocalDate.of(2001, 1, 1),
                                LocalDate.of(2001, 3, 31),
                                Grain.MONTH,
                                client.organization().id(),
                                null,
                                "NONE"))
                        .rows())
                .hasSize(3);
    }

    @Test
    void dashboardNormHoursPerWeekOverTheLastFourWeeks() {
        ReportTable perWeek = reports.dashboard(NOW).normHours();
        // 16 Feb - 15 Mar = 4 weeks. Anna 120 min: 0.5 h a week (work 90 -> 0.375 -> 0.4, consultation 0.125 -> 0.1);
        // Boris 105 min: 0.4375 -> 0.4 (work 60 -> 0.25 -> 0.3, deploy 45 -> 0.1875 -> 0.2)
        assertThat(perWeek.rows())
                .containsExactly(
                        Arrays.asList(anna.fullName(), 0.5, 0.4, 0.1, 0.0, 0.0),
                        Arrays.asList(boris.fullName(), 0.4, 0.3, 0.0, 0.0, 0.2));
    }

    @Test
    void slaMetAndBreachedPerPlanAndPerAgent() {
        // first reply: T2 met, T3 T5 T6 breached; resolution: T5 met, T6 breached, T2 still running
        assertThat(reports.slaByPlan(quarter(client.organization().id(), null)).rows())
                .containsExactly(Arrays.asList("NONE", 4L, 1L, 3L, 25.0, 3L, 1L, 1L, 50.0));
        assertThat(reports.slaByAgent(quarter(client.organization().id(), null)).rows())
                .containsExactlyInAnyOrder(
                        Arrays.asList(anna.fullName(), 2L, 1L, 1L, 50.0, 2L, 1L, 0L, 100.0),
                        Arrays.asList(boris.fullName(), 2L, 0L, 2L, 0.0, 1L, 0L, 1L, 0.0));
        // the dashboard's last four weeks (16 Feb - 15 Mar) hold all four clocks
        assertThat(reports.dashboard(NOW).sla().rows())
                .containsExactly(Arrays.asList("NONE", 4L, 1L, 3L, 25.0, 3L, 1L, 1L, 50.0));
    }

    @Test
    void utilisationFollowsTheLedgerMonthByMonthAndPerClient() {
        TestData data = new TestData(context);
        TestData.Client economy = data.client();
        StaffView worker = data.member(Role.AGENT);
        YearMonth now = YearMonth.now(reports.zone());
        ContractFixtures fixtures = new ContractFixtures(context);
        fixtures.sign(economy, PlanCode.ECONOMY, 2);
        int included = contracts.plan(PlanCode.ECONOMY).includedMinutes();
        long ticket = data.requestReceived(
                        economy, "Hours", "text", now.minusMonths(2).atDay(1))
                .id();
        workLog.log(ticket, null, worker.id(), now.minusMonths(2).atDay(3), included + 120, WorkKind.WORK, null);
        workLog.log(ticket, null, worker.id(), now.minusMonths(1).atDay(3), 240, WorkKind.WORK, null);
        workLog.log(ticket, null, worker.id(), now.atDay(1), 60, WorkKind.CONSULTATION, null);
        double in = included / 60.0;

        ReportFilter period = new ReportFilter(
                now.minusMonths(2).atDay(1),
                now.atEndOfMonth(),
                Grain.MONTH,
                economy.organization().id(),
                null);
        // month, plan, included, used, of it test copy sync, other work, balance, running, used %:
        // over by 2 h, then 4 h used, then 1 h; no synchronisation
        assertThat(reports.utilisation(period).rows())
                .containsExactly(
                        Arrays.asList(
                                now.minusMonths(2).atDay(1), "ECONOMY", in, in + 2, 0.0, in + 2, -2.0, -2.0, (double)
                                        Math.round(100.0 * (included + 120) / included)),
                        Arrays.asList(
                                now.minusMonths(1).atDay(1), "ECONOMY", in, 4.0, 0.0, 4.0, in - 4, in - 6, (double)
                                        Math.round(100.0 * 240 / included)),
                        Arrays.asList(now.atDay(1), "ECONOMY", in, 1.0, 0.0, 1.0, in - 1, 2 * in - 7, (double)
                                Math.round(100.0 * 60 / included)));

        ReportFilter all = new ReportFilter(now.minusMonths(2).atDay(1), now.atEndOfMonth(), Grain.MONTH, null, null);
        assertThat(reports.utilisation(all).row(economy.organization().name()))
                .containsExactly(
                        economy.organization().name(),
                        "ECONOMY",
                        3 * in,
                        in + 7,
                        0.0,
                        in + 7,
                        2 * in - 7,
                        2 * in - 7,
                        Math.round(1000.0 * (included + 420) / (3 * included)) / 10.0);
        ReportFilter premium = new ReportFilter(all.from(), all.to(), Grain.MONTH, null, null, "PREMIUM");
        assertThat(reports.utilisation(premium).row(economy.organization().name()))
                .isNull();
        // not over the plan this month, and no closed months for the overrun rule
        assertThat(reports.overPlan().row(economy.organization().name())).isNull();

        // a client already an hour over its plan this month is on the head's list
        TestData.Client heavy = data.client();
        fixtures.sign(heavy, PlanCode.ECONOMY, 0);
        long busy =
                data.requestReceived(heavy, "Many hours", "text", now.atDay(1)).id();
        workLog.log(busy, null, worker.id(), now.atDay(1), included / 2 + 30, WorkKind.WORK, null);
        workLog.log(
                busy,
                null,
                data.member(Role.AGENT).id(),
                now.atDay(1),
                included - included / 2 + 30,
                WorkKind.WORK,
                null);
        assertThat(reports.overPlan().row(heavy.organization().name()))
                .containsExactly(
                        heavy.organization().name(),
                        "ECONOMY",
                        in,
                        in + 1,
                        (double) Math.round(100.0 * (included + 60) / included),
                        null);
        // the dashboard lists the first 20 and counts them all
        Dashboard d = reports.dashboard();
        assertThat(d.overPlan().rows()).hasSizeLessThanOrEqualTo(Reports.DASHBOARD_LIST);
        assertThat(d.clientsOverPlan())
                .isEqualTo(reports.overPlan().rows().size())
                .isPositive();
    }

    @Test
    void theDashboardIsComputedOnceForItsMaxAgeAndEveryTimeWithoutOne() {
        Reports cached = withMaxAge(Duration.ofHours(1));
        assertThat(cached.dashboard()).isSameAs(cached.dashboard());
        Reports uncached = withMaxAge(Duration.ZERO);
        assertThat(uncached.dashboard()).isNotSameAs(uncached.dashboard());
    }

    @Test
    void pastItsAgeTheLastDashboardIsShownWhileItIsComputedAgainInTheBackground() throws Exception {
        Reports cached = withMaxAge(Duration.ofMinutes(1));
        Dashboard first = cached.dashboard();
        try {
            clock.advance(Duration.ofSeconds(61));
            assertThat(cached.dashboard()).as("shown at once, as of its time").isSameAs(first);
            Dashboard next = first;
            for (int i = 0; i < 200 && next == first; i++) {
                Thread.sleep(50);
                next = cached.dashboard();
            }
            assertThat(next.at()).as("computed again by the background thread").isAfter(first.at());
            // past twice its age the look computes it itself
            clock.advance(Duration.ofSeconds(121));
            Dashboard late = cached.dashboard();
            assertThat(late.at()).isAfter(next.at());
        } finally {
            clock.reset();
        }
    }

    private Reports withMaxAge(Duration maxAge) {
        return new Reports(
                context.getBean(VolumeReports.class),
                context.getBean(StaffActivityReports.class),
                context.getBean(NormHourReports.class),
                context.getBean(SlaReports.class),
                context.getBean(SatisfactionReports.class),
                context.getBean(UtilisationReports.class),
                context.getBean(BacklogReports.class),
                installation,
                maxAge,
                clock);
    }

    private static ReportFilter quarter(Long org, Long staff) {
        return new ReportFilter(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 3, 31), Grain.MONTH, org, staff);
    }

    private long ticket(
            long number,
            String created,
            String status,
            String channel,
            String urgency,
            StaffView assignee,
            String firstResponse,
            String resolved,
            String closed) {
        List<String> urgencies = List.of("CRITICAL", "HIGH", "NORMAL", "LOW");
        return jdbc.queryForObject(
                """
                insert into ticket (number, tid, subject, organization_id, organization_name, contact_id, contact_name,
                  contact_email, site_id, channel, urgency, urgency_rank, status, assignee_id, assignee_name, created_at,
                  updated_at, first_response_at, resolved_at, closed_at)
                values (?, ?, 'Hand-made', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                number,
                "TID-" + number,
                client.organization().id(),
                client.organization().name(),
                client.contact().id(),
                client.contact().fullName(),
                client.contact().email(),
                client.site().id(),
                channel,
                urgency,
                urgencies.indexOf(urgency),
                status,
                assignee == null ? null : assignee.id(),
                assignee == null ? null : assignee.fullName(),
                ts(created),
                ts(created),
                ts(firstResponse),
                ts(resolved),
                ts(closed));
    }

    private void message(long ticketId, String kind, StaffView author, String at) {
        jdbc.update(
                "insert into ticket_message (ticket_id, kind, author_name, author_staff_id, body, created_at) "
                        + "values (?, ?, ?, ?, 'text', ?)",
                ticketId,
                kind,
                author == null ? "Client" : author.fullName(),
                author == null ? null : author.id(),
                ts(at));
    }

    private void work(long ticketId, StaffView who, String day, int minutes, String kind) {
        jdbc.update(
                "insert into work_entry (ticket_id, organization_id, staff_id, staff_name, day, minutes, kind, "
                        + "created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, now(), now())",
                ticketId,
                client.organization().id(),
                who.id(),
                who.fullName(),
                java.sql.Date.valueOf(day),
                minutes,
                kind);
    }

    private void sla(
            long ticketId,
            String created,
            String firstResponseDue,
            String firstResponse,
            String resolutionDue,
            String stopped) {
        jdbc.update(
                "insert into routing_request (ticket_id, organization_id, urgency_rank, tier_rank, created_at, queued, "
                        + "first_response_due_at, first_response_at, resolution_due_at, stopped_at) "
                        + "values (?, ?, 2, 9, ?, false, ?, ?, ?, ?)",
                ticketId,
                client.organization().id(),
                ts(created),
                ts(firstResponseDue),
                ts(firstResponse),
                ts(resolutionDue),
                ts(stopped));
    }

    private void breach(long ticketId, String kind, String due, StaffView assignee) {
        jdbc.update(
                "insert into sla_breach (ticket_id, kind, due_at, recorded_at, assignee_id) values (?, ?, ?, ?, ?)",
                ticketId,
                kind,
                ts(due),
                ts(due),
                assignee.id());
    }

    private static Timestamp ts(String instant) {
        return instant == null ? null : Timestamp.from(Instant.parse(instant));
    }
}
