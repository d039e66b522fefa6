package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.TideskApplication;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.MonthClosed;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.customer.Customers;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventPublicationRegistry;

/**
 * An effect that follows a change is not lost when it fails: the month's close commits, the
 * statement mail fails (the database refuses the outbox row), the publication stays in the
 * registry, and the next start of Tidesk on the same database mails the statement, once.
 */
@Tag("integration")
class EventRegistryRestartTests {

    @Test
    void aStatementMailThatFailedAfterTheCloseIsSentByTheNextStartOnce() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            long contractId;
            YearMonth last;
            try (ConfigurableApplicationContext app = start(url)) {
                TestData data = new TestData(app);
                ContractFixtures fixtures = new ContractFixtures(app);
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                TestData.Client client = data.client();
                app.getBean(Customers.class)
                        .changeMonthlyStatement(client.contact().id(), true);
                TicketView t = fixtures.request(data, client, "Обновить прайс-лист", 2);
                ContractView contract = fixtures.sign(client, PlanCode.ECONOMY, 2);
                contractId = contract.id();
                fixtures.log(t, data.agent(), 1, 3);
                last = YearMonth.from(app.getBean(WorkLog.class).today()).minusMonths(1);
                jdbc.execute("""
                        create function refuse_statements() returns trigger language plpgsql as $$
                        begin
                          if new.event_key like 'statement:%' then raise exception 'outbox unavailable'; end if;
                          return new;
                        end $$""");
                jdbc.execute("create trigger refuse_statements before insert on mail_outbox "
                        + "for each row execute function refuse_statements()");

                app.getBean(MonthlyClose.class).close(last);
                data.settle();

                assertThat(jdbc.queryForObject(
                                "select count(*) from ledger_month where contract_id = ? and month = ?",
                                Long.class,
                                contractId,
                                java.sql.Date.valueOf(last.atDay(1))))
                        .as("the close committed")
                        .isOne();
                assertThat(statements(jdbc, contractId)).isZero();
                assertThat(app.getBean(EventPublicationRegistry.class).findIncompletePublications())
                        .as("the failed statement mail is kept")
                        .anyMatch(p -> p.getEvent() instanceof MonthClosed m && m.contractId() == contractId);
                jdbc.execute("drop trigger refuse_statements on mail_outbox");
            }

            try (ConfigurableApplicationContext restarted = start(url)) {
                assertThat(restarted.getBean(EventEffects.class).awaitSettled(Duration.ofSeconds(20)))
                        .isTrue();
                JdbcTemplate jdbc = restarted.getBean(JdbcTemplate.class);
                assertThat(statements(jdbc, contractId))
                        .as("sent by the restart, once")
                        .isOne();
                assertThat(restarted.getBean(EventPublicationRegistry.class).findIncompletePublications())
                        .noneMatch(p -> p.getEvent() instanceof MonthClosed m && m.contractId() == contractId);
            }
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(TideskApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=");
    }

    private static long statements(JdbcTemplate jdbc, long contractId) {
        return jdbc.queryForObject(
                "select count(*) from mail_outbox where event_key like ?",
                Long.class,
                "statement:" + contractId + ":%");
    }
}
