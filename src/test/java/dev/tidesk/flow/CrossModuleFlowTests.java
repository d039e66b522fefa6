package dev.tidesk.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.WebTest;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.Customers;
import dev.tidesk.ticket.RequestCreated;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The flows that cross modules, told as Spring Modulith scenarios: a stimulus in one module, the
 * event it publishes, and the state another module reaches from it.
 */
@EnableScenarios
class CrossModuleFlowTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MonthlyClose monthlyClose;

    @Autowired
    WorkLog workLog;

    @Autowired
    Customers customers;

    /** contract → mail: a month's close publishes MonthClosed, and the statement is mailed after the commit. */
    @Test
    void aClosedMonthIsMailedAsAStatementToTheContactsWhoAskedForIt(Scenario scenario) {
        var client = data.client();
        customers.changeMonthlyStatement(client.contact().id(), true);
        ContractFixtures fixtures = new ContractFixtures(context);
        TicketView t = fixtures.request(data, client, "Обновить баннер", 1);
        ContractView contract = fixtures.sign(client, PlanCode.ECONOMY, 2);
        fixtures.log(t, data.agent(), 1, 2);
        YearMonth last = YearMonth.from(workLog.today()).minusMonths(1);

        scenario.stimulate(() -> monthlyClose.close(last))
                .andWaitForStateChange(() -> statementsTo(client.contact().email(), contract.id()), n -> n > 0)
                .andVerify(n -> assertThat(n).isOne());
    }

    /** ticket → routing: a new request publishes RequestCreated, and routing queues it in the same transaction. */
    @Test
    void aNewRequestIsQueuedByRouting(Scenario scenario) {
        var client = data.client();
        scenario.stimulate(() -> data.request(client, "Сайт не открывается", "Ошибка 502"))
                .andWaitForEventOfType(RequestCreated.class)
                .toArriveAndVerify((event, ticket) -> {
                    assertThat(event.ticketId()).isEqualTo(ticket.id());
                    assertThat(jdbc.queryForObject(
                                    "select queued from routing_request where ticket_id = ?",
                                    Boolean.class,
                                    ticket.id()))
                            .isTrue();
                });
    }

    private long statementsTo(String email, long contractId) {
        return jdbc.queryForObject(
                "select count(*) from mail_outbox where recipient = ? and event_key like ?",
                Long.class,
                email,
                "statement:" + contractId + ":%");
    }
}
