package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestClock;
import dev.tidesk.TestData;
import dev.tidesk.WebTest;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The priority order of the unassigned queue, computed by PostgreSQL: a table of requests and the order they must take. */
@Tag("database")
class QueueOrderTests extends WebTest {

    @Autowired
    RequestIntake intake;

    @Autowired
    ClientTermsBook terms;

    @Autowired
    RoutingQueue queue;

    @Autowired
    TestClock clock;

    /** Tuesday 3 March 2026, 10:00 in Moscow: a working hour. */
    static final Instant T0 = LocalDateTime.parse("2026-03-03T10:00")
            .atZone(ZoneId.of("Europe/Moscow"))
            .toInstant();

    record Row(String name, Urgency urgency, Integer tier, Integer firstResponseHours, int minutesAfterT0) {}

    @Test
    void subscribersFirstThenByUrgencyDueTimeTierAndAgeWithOneOffClientsLastWhateverTheirUrgency() {
        List<Row> table = List.of(
                // name, urgency, tier (null = one-off), first-response hours, created (min after T0)
                new Row("economy-due-1.5h", Urgency.NORMAL, 2, 1, 30),
                new Row("standard-due-2h", Urgency.NORMAL, 1, 2, 0),
                new Row("premium-due-2h", Urgency.NORMAL, 0, 2, 0),
                new Row("one-off-older", Urgency.NORMAL, null, null, -120),
                new Row("premium-no-target", Urgency.NORMAL, 0, null, -60),
                new Row("critical-one-off", Urgency.CRITICAL, null, null, 50),
                new Row("one-off-newer", Urgency.NORMAL, null, null, -60),
                new Row("low-premium", Urgency.LOW, 0, 1, -600),
                new Row("one-off-tie-a", Urgency.HIGH, null, null, 0),
                new Row("one-off-tie-b", Urgency.HIGH, null, null, 0));
        // an hour after T0: every deadline of the table but the low one's is still ahead
        clock.moveTo(T0.plus(Duration.ofHours(1)));
        List<String> expected = List.of(
                "economy-due-1.5h", // subscribers, normal: the earliest SLA deadline first, whatever the plan
                "premium-due-2h",
                "standard-due-2h", // the same deadline: the higher plan first
                "premium-no-target", // the latest deadline (resolution only)
                "low-premium", // low urgency after all normal ones
                "critical-one-off", // one-off clients after every subscriber, even when critical
                "one-off-tie-a",
                "one-off-tie-b", // high; equal in every key: the older id first
                "one-off-older",
                "one-off-newer"); // normal, oldest first

        Map<Long, String> names = new LinkedHashMap<>();
        for (Row row : table) {
            TestData.Client client = data.client();
            if (row.tier() != null) {
                terms.update(client.organization().id(), row.tier(), null, row.firstResponseHours(), 40, false);
            }
            TicketView t = intake.open(
                    new NewRequest(
                            row.name(),
                            "body",
                            client.contact().id(),
                            client.site().id(),
                            Channel.PORTAL,
                            row.urgency(),
                            List.of(),
                            Actor.contact(client.contact().id(), "c")),
                    T0.plus(Duration.ofMinutes(row.minutesAfterT0())));
            names.put(t.id(), row.name());
        }
        List<QueueEntry> ordered = queue.order(names.keySet());
        List<String> actual = new ArrayList<>();
        ordered.forEach(e -> actual.add(names.get(e.ticketId())));
        assertThat(actual).containsExactlyElementsOf(expected);

        // each row says why it stands below the one above it
        assertThat(ordered)
                .extracting(QueueEntry::decidedBy)
                .containsExactly(
                        "first", "due", "tier", "due", "urgency", "oneoff", "urgency", "age", "urgency", "age");
        assertThat(ordered.get(4).oneOff()).isFalse();
        assertThat(ordered.get(5).oneOff()).isTrue();
    }

    @Test
    void whenAClientSignsAPlanTheirOpenRequestsMoveUpToTheirTier() {
        TestData.Client client = data.client();
        TicketView t = data.request(client, "Разовая работа", "Пока без договора");
        assertThat(queue.order(List.of(t.id())).get(0).tierRank()).isEqualTo(ClientTerms.ONE_OFF);
        terms.update(client.organization().id(), 0, null, 2, 16, false);
        assertThat(queue.order(List.of(t.id())).get(0).tierRank()).isZero();
        terms.update(client.organization().id(), null, null, null, null, false);
        assertThat(queue.order(List.of(t.id())).get(0).oneOff()).isTrue();
    }

    /** Pages follow one another without gap or overlap, and say whether another one follows. */
    @Test
    void pagesOfTheQueueFollowOneAnotherAndTellWhetherMoreFollow() {
        TestData.Client client = data.client();
        List<Long> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mine.add(data.request(client, "Очередь " + i, "Постранично").id());
        }
        int queued = queue.page(0, 100_000).getContent().size();
        assertThat(queued).isGreaterThanOrEqualTo(5);
        var first = queue.page(0, 2);
        var second = queue.page(1, 2);
        assertThat(first.getContent()).hasSize(2);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.hasPrevious()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
        List<Long> both = new ArrayList<>();
        first.getContent().forEach(e -> both.add(e.ticketId()));
        second.getContent().forEach(e -> both.add(e.ticketId()));
        assertThat(both)
                .containsExactlyElementsOf(queue.page(0, 4).getContent().stream()
                        .map(QueueEntry::ticketId)
                        .toList());
        assertThat(second.getContent()).extracting(QueueEntry::position).containsExactly(3, 4);
        var last = queue.page((queued - 1) / 2, 2);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.getContent()).isNotEmpty();
        assertThat(queue.page(0, 100_000).getContent())
                .extracting(QueueEntry::ticketId)
                .containsAll(mine);
    }
}
