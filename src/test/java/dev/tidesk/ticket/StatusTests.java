package dev.tidesk.ticket;

import static dev.tidesk.ticket.Status.CLOSED;
import static dev.tidesk.ticket.Status.DEFERRED;
import static dev.tidesk.ticket.Status.IN_PROGRESS;
import static dev.tidesk.ticket.Status.NEW;
import static dev.tidesk.ticket.Status.OPEN;
import static dev.tidesk.ticket.Status.RESOLVED;
import static dev.tidesk.ticket.Status.WAITING_FOR_CLIENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every pair of statuses, allowed or not, checked against the workflow table written out here by hand. */
class StatusTests {

    static final Set<String> ALLOWED = Set.of(
            "NEW>OPEN",
            "NEW>IN_PROGRESS",
            "NEW>WAITING_FOR_CLIENT",
            "NEW>DEFERRED",
            "NEW>RESOLVED",
            "NEW>CLOSED",
            "OPEN>IN_PROGRESS",
            "OPEN>WAITING_FOR_CLIENT",
            "OPEN>DEFERRED",
            "OPEN>RESOLVED",
            "OPEN>CLOSED",
            "IN_PROGRESS>OPEN",
            "IN_PROGRESS>WAITING_FOR_CLIENT",
            "IN_PROGRESS>DEFERRED",
            "IN_PROGRESS>RESOLVED",
            "IN_PROGRESS>CLOSED",
            "WAITING_FOR_CLIENT>OPEN",
            "WAITING_FOR_CLIENT>IN_PROGRESS",
            "WAITING_FOR_CLIENT>RESOLVED",
            "WAITING_FOR_CLIENT>CLOSED",
            "DEFERRED>OPEN",
            "DEFERRED>IN_PROGRESS",
            "DEFERRED>CLOSED",
            "RESOLVED>OPEN",
            "RESOLVED>CLOSED",
            "CLOSED>OPEN");

    static Stream<Arguments> everyPair() {
        return Stream.of(Status.values())
                .flatMap(from ->
                        Stream.of(Status.values()).filter(to -> to != from).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void theAggregateEnforcesTheTable(Status from, Status to) {
        Ticket ticket = TicketFixtures.ticketIn(from);
        boolean allowed = ALLOWED.contains(from + ">" + to);
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            ticket.changeStatus(to, Actor.system(), TicketFixtures.NOW);
            assertThat(ticket.getStatus()).isEqualTo(to);
            assertThat(ticket.drainChanges())
                    .last()
                    .extracting(h -> h.view().toValue())
                    .isEqualTo(to.name());
        } else {
            assertThatThrownBy(() -> ticket.changeStatus(to, Actor.system(), TicketFixtures.NOW))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from + " to " + to);
            assertThat(ticket.getStatus()).isEqualTo(from);
        }
    }

    @ParameterizedTest(name = "client reply on {0}")
    @MethodSource("replyCases")
    void aClientReplyReopensWhatWaitedOrWasDone(Status before, Status after) {
        Ticket ticket = TicketFixtures.ticketIn(before);
        ticket.clientReplied(1, 0, Actor.contact(1, "Client"), TicketFixtures.NOW);
        assertThat(ticket.getStatus()).isEqualTo(after);
    }

    static Stream<Arguments> replyCases() {
        return Stream.of(
                Arguments.of(NEW, NEW),
                Arguments.of(OPEN, OPEN),
                Arguments.of(IN_PROGRESS, IN_PROGRESS),
                Arguments.of(WAITING_FOR_CLIENT, OPEN),
                Arguments.of(DEFERRED, DEFERRED),
                Arguments.of(RESOLVED, OPEN),
                Arguments.of(CLOSED, OPEN));
    }

    /** The SQL spellings are the sets themselves, so queries and the partial indexes mean what isOpen means. */
    @org.junit.jupiter.api.Test
    void theSqlListsSpellTheSetsOfFinishedAndOutOfQueueStatuses() {
        assertThat(sqlList(Status.FINISHED_SQL))
                .isEqualTo(Status.FINISHED)
                .isEqualTo(Stream.of(Status.values())
                        .filter(s -> !s.isOpen())
                        .collect(java.util.stream.Collectors.toSet()));
        Set<Status> outOfQueue = java.util.EnumSet.copyOf(Status.FINISHED);
        outOfQueue.add(DEFERRED);
        assertThat(sqlList(Status.OUT_OF_QUEUE_SQL)).isEqualTo(outOfQueue).isEqualTo(Status.OUT_OF_QUEUE);
        assertThat(Status.sqlList(NEW, OPEN)).isEqualTo("('NEW', 'OPEN')");
    }

    /**
     * The partial indexes the queue and the reports read are spelled in their migrations as the SQL
     * lists are: a query's predicate must match the index's for PostgreSQL to use it.
     */
    @org.junit.jupiter.api.Test
    void thePartialIndexesAreSpelledAsTheSqlLists() throws java.io.IOException {
        String openBacklog = new String(
                new org.springframework.core.io.ClassPathResource("db/migration/V410__report_open_backlog_index.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String queue = new String(
                new org.springframework.core.io.ClassPathResource("db/migration/V300__routing_queue_and_sla.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String unassigned = new String(
                new org.springframework.core.io.ClassPathResource(
                                "db/migration/V461__ticket_unassigned_index_out_of_queue.sql")
                        .getInputStream()
                        .readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(openBacklog).contains("status not in " + Status.FINISHED_SQL);
        assertThat(queue).contains("status not in " + Status.OUT_OF_QUEUE_SQL);
        assertThat(unassigned).contains("assignee_id is null and status not in " + Status.OUT_OF_QUEUE_SQL);
    }

    private static Set<Status> sqlList(String sql) {
        assertThat(sql).matches("\\('[A-Z_]+'(, '[A-Z_]+')*\\)");
        return Stream.of(sql.substring(1, sql.length() - 1).split(", "))
                .map(v -> Status.valueOf(v.substring(1, v.length() - 1)))
                .collect(java.util.stream.Collectors.toSet());
    }
}
