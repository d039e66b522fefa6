package dev.tidesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.routing.RoutingQueue.Raw;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule that a request past its SLA comes first within its urgency, the earliest breach first:
 * what the SLA clock remembers of a missed deadline, and what "why here" says of each row.
 */
class BreachFirstTests {

    static final Instant NOW = Instant.parse("2026-03-03T12:00:00Z");

    static Instant at(long minutesFromNow) {
        return NOW.plus(Duration.ofMinutes(minutesFromNow));
    }

    @Test
    void aLateFirstAnswerKeepsTheMissedDeadlineAndTheQueueSortsOnIt() {
        SlaClock sla = new SlaClock(at(-60), at(600), null, null, null, null);
        assertThat(sla.queueKey()).isEqualTo(at(-60));

        sla.responded(at(-10));

        assertThat(sla.nextDue()).as("the resolution clock runs on").isEqualTo(at(600));
        assertThat(sla.breachedAt).isEqualTo(at(-60));
        assertThat(sla.queueKey()).as("still first within its urgency").isEqualTo(at(-60));
    }

    @Test
    void anAnswerInTimeLeavesNoBreach() {
        SlaClock sla = new SlaClock(at(60), at(600), null, null, null, null);
        sla.responded(at(-10));
        assertThat(sla.breachedAt).isNull();
        assertThat(sla.queueKey()).isEqualTo(at(600));
    }

    @Test
    void theEarliestBreachStaysAndResolvingClearsIt() {
        SlaClock sla = new SlaClock(at(-600), at(-60), at(-700), null, null, null);
        sla.breached(at(-60));
        sla.breached(at(-600));
        sla.breached(at(-300));
        assertThat(sla.breachedAt).isEqualTo(at(-600));

        sla.stop(at(0));
        assertThat(sla.breachedAt).isNull();
        assertThat(sla.queueKey()).as("not in the queue any more").isNull();
    }

    @Test
    void aPauseAndAResumeMoveTheDeadlineButNotTheBreach() {
        SlaClock sla = new SlaClock(null, at(-600), at(-900), null, null, at(-600));
        sla.pause(at(-300));
        assertThat(sla.nextDue()).isNull();
        assertThat(sla.queueKey()).as("paused, still past its SLA").isEqualTo(at(-600));
        sla.resume(
                at(0),
                new WorkingCalendar(ZoneId.of("Europe/Moscow"), LocalTime.of(9, 0), LocalTime.of(18, 0), Map.of()));
        assertThat(sla.nextDue()).as("the deadline moves").isAfterOrEqualTo(at(0));
        assertThat(sla.queueKey()).isEqualTo(at(-600));
    }

    static Raw row(Urgency urgency, int tier, Long dueFromNow, Long breachedFromNow) {
        return new Raw(
                1,
                "TID-1",
                "s",
                "o",
                "c",
                urgency,
                Status.OPEN,
                at(-1000),
                dueFromNow == null ? null : at(dueFromNow),
                tier,
                false,
                breachedFromNow == null ? null : at(breachedFromNow));
    }

    /** Two adjacent rows of the queue (as the index orders them) and what the lower one says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", textBlock = """
            # case,                                  above urgency, tier, due, breached, row urgency, tier, due, breached, why
            both past their SLA: the later breach,   NORMAL, 1, 30,   -600, NORMAL, 1, 60,   -60, breach
            past its SLA but the watch has not run,  NORMAL, 1, 30,   -600, NORMAL, 1, -5,   -,   breach
            the first row still in time,             NORMAL, 1, 30,   -600, NORMAL, 0, 30,   -,   intime
            in time below a paused breach,           NORMAL, 1, -,    -600, NORMAL, 2, 120,  -,   intime
            both in time: the later deadline,        NORMAL, 1, 30,   -,    NORMAL, 1, 60,   -,   due
            no running deadline below a breach,      NORMAL, 1, 30,   -600, NORMAL, 1, -,    -,   nodue
            a breach below a more urgent request,    HIGH,   1, 300,  -,    NORMAL, 1, 60,   -600, urgency
            the same breach: the plan decides,       NORMAL, 0, 30,   -600, NORMAL, 2, 90,   -600, tier
            the same breach and plan: the age,       NORMAL, 1, 30,   -600, NORMAL, 1, 90,   -600, age
            """)
    void whyHereSaysWhetherTheRequestIsPastItsSla(
            String name,
            Urgency aboveUrgency,
            int aboveTier,
            Long aboveDue,
            Long aboveBreached,
            Urgency urgency,
            int tier,
            Long due,
            Long breached,
            String why) {
        Raw above = row(aboveUrgency, aboveTier, aboveDue, aboveBreached);
        Raw below = row(urgency, tier, due, breached);
        assertThat(RoutingQueue.decidedBy(above, below, NOW)).isEqualTo(why);
    }

    @Test
    void theTopRowIsFirstAndABreachedRowIsShownWithItsMissedDeadline() {
        Raw breached = row(Urgency.NORMAL, 1, 60L, -600L);
        assertThat(RoutingQueue.decidedBy(null, breached, NOW)).isEqualTo("first");
        assertThat(breached.slaKey()).isEqualTo(at(-600));
        assertThat(breached.breached(NOW)).isTrue();
        assertThat(row(Urgency.NORMAL, 1, 60L, null).breached(NOW)).isFalse();
        assertThat(row(Urgency.NORMAL, 1, null, null).breached(NOW)).isFalse();
    }
}
