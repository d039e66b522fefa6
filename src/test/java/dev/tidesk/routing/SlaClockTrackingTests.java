package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SLA clocks follow the request: paused while it waits for the client, warned before and breached after. */
@Tag("database")
class SlaClockTrackingTests extends WebTest {

    @Autowired
    ClientTermsBook terms;

    @Autowired
    RoutingRequests rows;

    @Autowired
    RequestDesk desk;

    @Autowired
    SlaWatch watch;

    @Autowired
    Outbox outbox;

    @Autowired
    RequestQueries requests;

    @Test
    void waitingForTheClientPausesTheClockAndAResumeGoesOn() {
        TestData.Client client = data.client();
        terms.update(client.organization().id(), 1, null, 4, 16, false);
        TicketView t = data.request(client, "Проверить форму", "Не отправляется");
        assertThat(rows.row(t.id()).orElseThrow().clock().nextDue()).isNotNull();

        desk.changeStatus(t.id(), Status.WAITING_FOR_CLIENT, Actor.system());
        SlaClock paused = rows.row(t.id()).orElseThrow().clock();
        assertThat(paused.pausedSince).isNotNull();
        assertThat(paused.nextDue()).isNull();

        desk.changeStatus(t.id(), Status.OPEN, Actor.system());
        SlaClock resumed = rows.row(t.id()).orElseThrow().clock();
        assertThat(resumed.pausedSince).isNull();
        assertThat(resumed.nextDue()).isNotNull();
    }

    @Test
    void aNearDeadlineWarnsTheAssigneeAndTheHeadOnceAndAMissedOneIsRecorded() {
        StaffView head = data.member(Role.HEAD);
        StaffView agent = data.agent();
        TestData.Client client = data.client();
        terms.update(client.organization().id(), 0, null, 1, 8, false);
        TicketView t = data.request(client, "Срочно: сайт недоступен", "Ошибка 502");
        desk.assign(t.id(), agent.id(), agent.fullName(), Actor.system());
        Instant due = rows.row(t.id()).orElseThrow().clock().nextDue();

        watch.check(due.minus(Duration.ofMinutes(30)));
        watch.check(due.minus(Duration.ofMinutes(20)));
        data.settle();
        List<OutboxView> warnings = outbox.ofRequest(t.id()).stream()
                .filter(m -> m.subject().contains("Скоро срок SLA"))
                .toList();
        assertThat(warnings)
                .extracting(OutboxView::recipient)
                .contains(agent.email(), head.email())
                .doesNotHaveDuplicates();
        assertThat(watch.breaches(t.id())).isEmpty();

        watch.check(due.plus(Duration.ofMinutes(1)));
        watch.check(due.plus(Duration.ofMinutes(2)));
        data.settle();
        assertThat(watch.breaches(t.id())).containsExactly("FIRST_RESPONSE");
    }

    @Test
    void aPauseThatMovesTheDeadlineAllowsANewWarningButOneDeadlineIsNeverWarnedTwice() {
        StaffView agent = data.agent();
        TestData.Client client = data.client();
        terms.update(client.organization().id(), 0, null, 1, 8, false);
        TicketView t = data.request(client, "Не приходят письма с сайта", "С утра");
        desk.assign(t.id(), agent.id(), agent.fullName(), Actor.system());
        Instant first = rows.row(t.id()).orElseThrow().clock().nextDue();

        watch.check(first.minus(Duration.ofMinutes(30)));
        watch.check(first.minus(Duration.ofMinutes(20)));
        data.settle();
        assertThat(warningsTo(t, agent)).hasSize(1);

        // the request waits for the client and comes back three days later (a controlled clock)
        desk.changeStatus(t.id(), Status.WAITING_FOR_CLIENT, Actor.system());
        TicketView waiting = requests.ticket(t.id());
        desk.changeStatus(t.id(), Status.OPEN, Actor.system());
        TicketView open = requests.ticket(t.id());
        Instant due = rows.row(t.id()).orElseThrow().clock().nextDue();
        Instant pausedAt = due.minus(Duration.ofMinutes(40));
        rows.sync(waiting, pausedAt);
        assertThat(rows.row(t.id()).orElseThrow().clock().nextDue())
                .as("paused")
                .isNull();
        rows.sync(open, pausedAt.plus(Duration.ofDays(3)));
        Instant moved = rows.row(t.id()).orElseThrow().clock().nextDue();
        assertThat(moved).isAfter(due.plus(Duration.ofDays(2)));

        watch.check(moved.minus(Duration.ofMinutes(30)));
        watch.check(moved.minus(Duration.ofMinutes(20)));
        watch.check(moved.minus(Duration.ofMinutes(30)));
        data.settle();
        assertThat(warningsTo(t, agent)).as("one warning for each deadline").hasSize(2);
        assertThat(watch.check(moved.minus(Duration.ofMinutes(10)))[0]).isZero();
        assertThat(watch.breaches(t.id())).isEmpty();
    }

    private List<OutboxView> warningsTo(TicketView t, StaffView to) {
        return outbox.ofRequest(t.id()).stream()
                .filter(m ->
                        m.subject().contains("Скоро срок SLA") && m.recipient().equals(to.email()))
                .toList();
    }
}
