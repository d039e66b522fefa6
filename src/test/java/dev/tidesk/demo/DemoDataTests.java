package dev.tidesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.customer.Customers;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@Tag("integration")
@SpringBootTest(properties = "tidesk.demo=true")
class DemoDataTests {

    @Autowired
    dev.tidesk.mail.Outbox outbox;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Customers customers;

    @Autowired
    DemoLoader loader;

    @Autowired
    DemoLoading loading;

    @Autowired
    dev.tidesk.ticket.RequestIntake intake;

    @Test
    void loadsTheDemoOnceAtStartup() {
        assertThat(count("organization")).isEqualTo(9);
        assertThat(count("ticket")).isGreaterThanOrEqualTo(250);
        List<String> statuses = jdbc.queryForList("select distinct status from ticket", String.class);
        assertThat(statuses).contains("NEW", "OPEN", "IN_PROGRESS", "WAITING_FOR_CLIENT", "RESOLVED", "CLOSED");

        assertThat(customers.contactByEmail("m.ivanova@romashka.example")).hasValueSatisfying(c -> {
            assertThat(c.fullName()).isEqualTo("Иванова Марина Сергеевна");
            assertThat(jdbc.queryForObject(
                            "select count(*) from account where login = ? and contact_id = ?",
                            Long.class,
                            c.email(),
                            c.id()))
                    .isEqualTo(1);
        });

        Map<String, Long> before = counts();
        loader.run(new DefaultApplicationArguments("--demo"));
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void theDemosPastMonthsAreClosed() {
        java.time.YearMonth last =
                java.time.YearMonth.now(java.time.ZoneId.of("Europe/Moscow")).minusMonths(1);
        // every contract has its last month frozen, so averages over closed months are not zero
        assertThat(jdbc.queryForObject(
                        """
                select count(*) from contract c where c.start_date <= ? and not exists (
                  select 1 from ledger_month l where l.contract_id = c.id and l.month = ?)""",
                        Long.class,
                        java.sql.Date.valueOf(last.atEndOfMonth()),
                        java.sql.Date.valueOf(last.atDay(1))))
                .isZero();
        assertThat(jdbc.queryForObject("select count(distinct month) from ledger_month", Long.class))
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void theDemosNotificationsAreHistoryThatNoSenderEverTakes() {
        assertThat(count("mail_outbox")).isGreaterThan(100);
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where status = 'PENDING'", Long.class))
                .isZero();
        // and say so: labelled history, not "sent"
        assertThat(outbox.recent(5)).allSatisfy(m -> {
            assertThat(m.statusKey()).isEqualTo("outbox.status.history");
            assertThat(m.note()).isEqualTo("outbox.note.history");
        });
    }

    @Test
    void timestampsMoveForwardAndNeverLieInTheFuture() {
        Timestamp latest = jdbc.queryForObject("""
                select max(x) from (select max(created_at) x from ticket_message
                union all select max(at) from ticket_history
                union all select max(updated_at) from ticket) t""", Timestamp.class);
        assertThat(latest.toInstant()).isBefore(Instant.now());
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket_message m join ticket t on t.id = m.ticket_id
                where m.created_at < t.created_at""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket_history h join ticket t on t.id = h.ticket_id
                where h.at < t.created_at""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket where resolved_at < created_at or first_response_at < created_at""", Long.class)).isZero();
        assertThat(jdbc.queryForObject("""
                select count(*) from ticket where created_at < now() - interval '200 days'""", Long.class)).isZero();
    }

    @Test
    void specialistsHaveTasksInEveryStatusAndTheClientOverPlanHasDeferralsAndAnAlert() {
        assertThat(jdbc.queryForList("select distinct status from task", String.class))
                .contains("TODO", "IN_PROGRESS", "AWAITING_CLIENT_ACCEPTANCE", "DEPLOYING", "DONE", "CANCELLED");
        // a declined test-copy change is back in the specialist's hands, with the client's words
        assertThat(jdbc.queryForObject(
                        "select count(*) from task_history where comment is not null and to_status = 'IN_PROGRESS'",
                        Long.class))
                .isPositive();
        assertThat(jdbc.queryForList("select distinct status from deferral", String.class))
                .contains("PROPOSED", "ACCEPTED", "DECLINED");
        assertThat(jdbc.queryForObject("select count(*) from ticket where status = 'DEFERRED'", Long.class))
                .isPositive();
        // the over-plan client's alert comes from real closed months, with a real average
        assertThat(jdbc.queryForObject("""
                select count(*) from plan_alert a where a.kind = 'OVERRUN' and a.average_minutes > 0
                  and exists (select 1 from ledger_month l where l.contract_id = a.contract_id and l.month = a.month)""", Long.class)).isPositive();
        // the mails of all this are history too
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where status in ('PENDING', 'HELD')", Long.class))
                .isZero();
    }

    @Test
    void theDemosMailUsesUpNoAcknowledgementCap() {
        // the demo contact who wrote most by e-mail writes once more, at once: acknowledged
        String busiest = jdbc.queryForObject("""
                select lower(recipient) from mail_outbox where auto_submitted = 'auto-replied'
                group by lower(recipient) order by count(*) desc limit 1""", String.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from mail_outbox where lower(recipient) = ? and auto_submitted = 'auto-replied'",
                        Long.class,
                        busiest))
                .as("more acknowledgements than an hour's cap")
                .isGreaterThan(5);
        var contact = customers.contactByEmail(busiest).orElseThrow();
        var ticket = intake.open(new dev.tidesk.ticket.NewRequest(
                "Снова не работает форма",
                "Пишу ещё раз",
                contact.id(),
                null,
                dev.tidesk.ticket.Channel.EMAIL,
                dev.tidesk.ticket.Urgency.NORMAL,
                List.of(),
                dev.tidesk.ticket.Actor.contact(contact.id(), contact.fullName())));
        assertThat(outbox.ofRequest(ticket.id()))
                .filteredOn(m -> m.recipient().equalsIgnoreCase(busiest))
                .extracting(dev.tidesk.mail.OutboxView::statusKey)
                .containsExactly("outbox.status.PENDING");
    }

    @Test
    void thePagesAnswerOnceTheDemoIsLoaded() {
        assertThat(loading.loading()).isFalse();
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private Map<String, Long> counts() {
        return Map.of(
                "organization",
                count("organization"),
                "contact",
                count("contact"),
                "site",
                count("site"),
                "staff",
                count("staff"),
                "account",
                count("account"),
                "ticket",
                count("ticket"),
                "ticket_message",
                count("ticket_message"),
                "ticket_history",
                count("ticket_history"));
    }
}
