package dev.tidesk.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.identity.Role;
import dev.tidesk.mail.Outbox;
import dev.tidesk.mail.OutboxView;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The SLA clocks follow the request: paused while it waits for the client, warned before and breached after. */
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
        List<OutboxView> warnings = outbox.ofRequest(t.id()).stream()
                .filter(m -> m.subject().contains("Скоро срок SLA")).toList();
        assertThat(warnings).extracting(OutboxView::recipient).contains(agent.email(), head.email())
                .doesNotHaveDuplicates();
        assertThat(watch.breaches(t.id())).isEmpty();

        watch.check(due.plus(Duration.ofMinutes(1)));
        watch.check(due.plus(Duration.ofMinutes(2)));
        assertThat(watch.breaches(t.id())).containsExactly("FIRST_RESPONSE");
    }
}
