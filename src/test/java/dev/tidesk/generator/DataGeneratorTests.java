package dev.tidesk.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.GeneratedDataTest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The generator on the database of {@link GeneratedDataTest}: each test writes under its own mail domain. */
class DataGeneratorTests extends GeneratedDataTest {

    @Autowired
    DataGenerator generator;

    @Autowired
    JdbcTemplate jdbc;

    private static final LocalDate UNTIL = LocalDate.of(2025, 6, 2);

    private DataGenerator.Summary generate(String domain, long seed, int requests, ByteArrayOutputStream console) {
        return generator.generate(
                new GeneratorOptions(12, requests, seed, UNTIL, 3, "bench-pass-1", domain),
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private static String domain() {
        return "g" + System.nanoTime() + ".example";
    }

    @Test
    void fillsEveryTableConsistentlyAndMovesTheTidSequencePastTheGeneratedNumbers() {
        String domain = domain();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        DataGenerator.Summary s = generate(domain, 7, 3000, console);

        assertThat(s.organizations()).isEqualTo(12);
        assertThat(s.requests()).isEqualTo(3000);
        assertThat(s.lastNumber() - s.firstNumber() + 1).isEqualTo(3000);
        // the TID sequence goes on after the generated block: the next request gets a new number
        assertThat(jdbc.queryForObject("select last_value from ticket_number_seq", Long.class))
                .isGreaterThanOrEqualTo(s.lastNumber());
        String orgs = "(select id from organization where email_domain like '%." + domain + "')";
        assertThat(jdbc.queryForObject("select count(*) from ticket where organization_id in " + orgs, Long.class))
                .isEqualTo(3000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket where organization_id in " + orgs + " and tid <> 'TID-' || number",
                        Long.class))
                .isZero();
        // about five messages per request, and every message belongs to a generated request
        assertThat(s.messages()).isBetween(3000L * 4, 3000L * 6);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket_message m join ticket t on t.id = m.ticket_id "
                                + "where t.organization_id in " + orgs,
                        Long.class))
                .isEqualTo(s.messages());
        // the search vector is generated: Russian stemming finds "форма" in "формы"
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket where organization_id in " + orgs
                                + " and search_vector @@ to_tsquery('russian', 'формы')",
                        Long.class))
                .isPositive();
        // old requests are closed, nothing is in the future, replies come after creation
        Map<String, Object> old = jdbc.queryForMap(
                "select count(*) filter (where status in ('RESOLVED', 'CLOSED')) as done, "
                        + "count(*) as total from ticket where organization_id in " + orgs
                        + " and created_at < ?::timestamptz",
                UNTIL.minusDays(90).toString());
        assertThat(((Number) old.get("done")).doubleValue() / ((Number) old.get("total")).doubleValue())
                .isGreaterThan(0.95);
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket where organization_id in " + orgs
                                + " and (updated_at > ?::timestamptz or first_response_at < created_at or resolved_at < first_response_at)",
                        Long.class,
                        UNTIL.toString()))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket where organization_id in " + orgs
                                + " and status in ('NEW', 'OPEN', 'IN_PROGRESS', 'WAITING_FOR_CLIENT')",
                        Long.class))
                .isPositive();
        // logins exist for the head, the agents and every contact
        assertThat(jdbc.queryForObject("select count(*) from account where login = ?", Long.class, "head@" + domain))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select count(*) from account a join contact c on c.id = a.contact_id "
                                + "where c.organization_id in " + orgs,
                        Long.class))
                .isEqualTo(s.contacts());
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("100%").contains("3,000/3,000");

        // second phase: most clients have a contract with terms from their first month, the rest are one-off
        long contracts =
                jdbc.queryForObject("select count(*) from contract where organization_id in " + orgs, Long.class);
        assertThat(contracts).isBetween(6L, 12L);
        assertThat(jdbc.queryForObject(
                        "select count(*) from contract c where c.organization_id in " + orgs
                                + " and not exists (select 1 from contract_terms t where t.contract_id = c.id and t.effective_from = c.start_date)",
                        Long.class))
                .isZero();
        // one to three norm-hour entries per handled request, never before the request, and the monthly
        // totals the ledger reads add up to the entries
        Map<String, Object> work =
                jdbc.queryForMap("select count(*) as entries, count(distinct w.ticket_id) as tickets, "
                        + "sum(w.minutes) as minutes, count(*) filter (where w.day < cast(t.created_at at time zone 'Europe/Moscow' as date)) as early "
                        + "from work_entry w join ticket t on t.id = w.ticket_id where t.organization_id in " + orgs);
        long handled = jdbc.queryForObject(
                "select count(*) from ticket where assignee_id is not null and organization_id in " + orgs, Long.class);
        assertThat(((Number) work.get("tickets")).longValue()).isEqualTo(handled);
        assertThat(((Number) work.get("entries")).longValue()).isBetween(handled, 3 * handled);
        assertThat(((Number) work.get("early")).longValue()).isZero();
        assertThat(jdbc.queryForObject(
                        "select sum(minutes) from work_month where organization_id in " + orgs, Long.class))
                .isEqualTo(((Number) work.get("minutes")).longValue());
        // every month from the contract's start to the month before --until is closed, with the month's minutes
        assertThat(jdbc.queryForObject(
                        "select count(*) from contract c join ledger_month l on l.contract_id = c.id "
                                + "where c.organization_id in " + orgs + " and l.month >= date '2025-06-01'",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from contract c join ledger_month l on l.contract_id = c.id "
                                + "left join work_month w on w.organization_id = c.organization_id and w.month = l.month "
                                + "where c.organization_id in " + orgs
                                + " and l.used_minutes <> coalesce(w.minutes, 0)",
                        Long.class))
                .isZero();
        // every request has its routing row; breaches only where a deadline passed unanswered
        assertThat(jdbc.queryForObject(
                        "select count(*) from routing_request where organization_id in " + orgs, Long.class))
                .isEqualTo(3000);
        assertThat(jdbc.queryForObject(
                        "select count(*) from sla_breach b join routing_request r on r.ticket_id = b.ticket_id "
                                + "where r.organization_id in " + orgs + " and b.kind = 'FIRST_RESPONSE' "
                                + "and r.first_response_at <= r.first_response_due_at",
                        Long.class))
                .isZero();
        // deferred requests have an accepted deferral coming back next month; tasks are on handled requests
        assertThat(jdbc.queryForObject(
                        "select count(*) from ticket t where t.status = 'DEFERRED' and t.organization_id in "
                                + orgs
                                + " and not exists (select 1 from deferral d where d.ticket_id = t.id and d.status = 'ACCEPTED' "
                                + "and d.target_month = date '2025-07-01')",
                        Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from task where organization_id in " + orgs, Long.class))
                .isBetween(20L, 200L);
    }

    @Test
    void theSameSeedGivesTheSameRequests() {
        List<String> first = requests(generateAndKeep(domain(), 99));
        List<String> second = requests(generateAndKeep(domain(), 99));
        List<String> other = requests(generateAndKeep(domain(), 100));
        assertThat(first).hasSize(500).isEqualTo(second).isNotEqualTo(other);
    }

    @Test
    void refusesToGenerateTwiceIntoTheSameDomain() {
        String domain = domain();
        generate(domain, 1, 10, new ByteArrayOutputStream());
        assertThatThrownBy(() -> generate(domain, 1, 10, new ByteArrayOutputStream()))
                .hasMessageContaining("already holds generated data");
    }

    private String generateAndKeep(String domain, long seed) {
        generate(domain, seed, 500, new ByteArrayOutputStream());
        return domain;
    }

    private List<String> requests(String domain) {
        return jdbc.queryForList("""
                select t.subject || '|' || t.status || '|' || t.channel || '|' || t.urgency || '|' || t.created_at
                       || '|' || coalesce(t.first_response_at::text, '') || '|' || t.contact_email
                       || '|' || (select count(*) from ticket_message m where m.ticket_id = t.id)
                       || '|' || (select coalesce(string_agg(w.day || ':' || w.minutes || ':' || w.kind, ',' order by w.id), '')
                                    from work_entry w where w.ticket_id = t.id)
                  from ticket t join organization o on o.id = t.organization_id
                 where o.email_domain like ? order by t.number""", String.class, "%." + domain).stream()
                .map(s -> s.replace(domain, "D"))
                .toList();
    }
}
