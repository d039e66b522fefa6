package dev.tidesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.shared.DomainException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The rules of a merge on the aggregate: what is refused, and what a merge does to both requests. */
class MergeRulesTests {

    static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    static final Actor AGENT = Actor.staff(7, "Агент");

    static Ticket ticket(long id, long organizationId) {
        Ticket t = new Ticket(
                id,
                "TID-" + id,
                "Тема " + id,
                new Requester(organizationId, "ООО " + organizationId, 1L, "Клиент", "c@example.com"),
                null,
                Channel.EMAIL,
                Urgency.NORMAL,
                AGENT,
                NOW);
        ReflectionTestUtils.setField(t, "id", id);
        t.drainChanges();
        return t;
    }

    static String refusal(Ticket merged, Ticket survivor) {
        try {
            merged.checkMergeInto(survivor);
            return null;
        } catch (DomainException e) {
            return e.messageKey();
        }
    }

    @Test
    void refusalsAreTheRulesOwn() {
        Ticket a = ticket(1, 10);
        Ticket b = ticket(2, 10);
        Ticket foreign = ticket(3, 20);
        Ticket c = ticket(4, 10);
        assertThat(refusal(a, a)).isEqualTo("error.merge.self");
        assertThat(refusal(a, foreign)).isEqualTo("error.merge.otherOrganization");
        assertThat(refusal(a, b)).isNull();

        c.mergeInto(b, AGENT, NOW);
        assertThat(refusal(a, c)).isEqualTo("error.merge.intoMerged");
        assertThat(refusal(c, a)).isEqualTo("error.merge.alreadyMerged");
        assertThatThrownBy(() -> c.mergeInto(a, AGENT, NOW)).isInstanceOf(DomainException.class);
    }

    @Test
    void aMergeClosesTheMergedRequestPointsAtTheSurvivorAndWritesBothHistories() {
        Ticket a = ticket(1, 10);
        Ticket b = ticket(2, 10);
        a.changeStatus(Status.CLOSED, AGENT, NOW);
        a.drainChanges();

        a.mergeInto(b, AGENT, NOW); // a closed request may be merged
        assertThat(a.view().mergedIntoId()).isEqualTo(2L);
        assertThat(a.getStatus()).isEqualTo(Status.CLOSED);
        assertThat(a.drainChanges()).extracting(h -> h.view().field()).containsExactly("merged");
        assertThat(b.drainChanges()).singleElement().satisfies(h -> {
            assertThat(h.view().field()).isEqualTo("mergedFrom");
            assertThat(h.view().toValue()).isEqualTo("TID-1");
        });
        assertThat(b.getStatus()).isEqualTo(Status.NEW);
    }
}
