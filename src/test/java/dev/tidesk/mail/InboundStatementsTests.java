package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.SqlRecorder;
import dev.tidesk.TestData.Client;
import dev.tidesk.WebTest;
import dev.tidesk.team.StaffView;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What processing one inbound mail costs the database, counted (not timed) by a proxy around the
 * data source (datasource-proxy): the guard of issue 19 for mail. A newcomer's first mail (it opens
 * a request and creates a contact, the costliest common case) stays within its statement budget, the
 * addresses in its To and Cc cost the same lookups however many there are, and every read it sends
 * has an index to use, so none of them reads a table whole as the table grows (the organizations'
 * mail domains had none: 0.49 ms of a mail's 4 ms of PostgreSQL time with 1,000 clients).
 */
@Import(SqlRecorder.Config.class)
class InboundStatementsTests extends WebTest {

    /**
     * Statements one newcomer's first mail may send, storing included: 30 when this guard was written
     * (see docs/benchmarks.md), and two to spare for the notice paths, which depend on who is on duty.
     * Lower it when mail gets cheaper; raising it needs a reason.
     */
    static final int STATEMENT_BUDGET = 32;

    /** Tables that stay small whatever the data (a team, the locks): reading one whole is the right plan. */
    static final Set<String> SMALL = Set.of("staff", "shedlock", "routing_calendar", "routing_calendar_day");

    @Autowired
    MailIntake intake;

    @Autowired
    SqlRecorder sql;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aNewcomersFirstMailKeepsItsStatementBudgetItsCcCostsOneLookupAndEveryReadHasAnIndex() throws Exception {
        Client client = data.client();
        StaffView agent = data.agent();
        String domain = client.login().substring(client.login().indexOf('@') + 1);
        receive(newcomer(domain), List.of()); // warm: caches fill

        List<SqlRecorder.Recorded> plain = record(newcomer(domain), List.of());
        List<String> cc = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cc.add(newcomer(domain));
        }
        // a colleague of ours, written as the sender pleased
        cc.add(agent.email().toUpperCase(Locale.ROOT));
        cc.add("stranger" + System.nanoTime() + "@elsewhere.example");
        String from = newcomer(domain);
        List<SqlRecorder.Recorded> copied = record(from, cc);
        String listing = SqlRecorder.listing(copied);
        System.out.println("Inbound mail, a newcomer's first mail: " + plain.size() + " statements, with " + cc.size()
                + " addresses in Cc: " + copied.size() + "\n" + listing);

        assertThat(plain.size()).as(SqlRecorder.listing(plain)).isLessThanOrEqualTo(STATEMENT_BUDGET);
        assertThat(staffReads(copied))
                .as("the staff directory is asked once for all the addresses of a mail\n" + listing)
                .isEqualTo(staffReads(plain));
        assertThat(copied.stream().filter(r -> r.sql().contains("insert into mail_participant")))
                .as("the addresses join the conversation in one statement")
                .hasSize(1);

        // the mail's own people join its conversation; our colleague and our own address do not
        long ticketId = jdbc.queryForObject(
                "select ticket_id from mail_inbound where from_address = ? order by id desc limit 1", Long.class, from);
        List<String> participants =
                jdbc.queryForList("select address from mail_participant where ticket_id = ?", String.class, ticketId);
        assertThat(participants)
                .contains(from, cc.get(0), cc.get(3), cc.get(5))
                .doesNotContain(agent.email().toLowerCase(Locale.ROOT), "support@tidesk.local");

        List<String> scans = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (Statement s = c.createStatement()) {
                // with sequential scans priced out, the planner still chooses one only where no index fits
                s.execute("set enable_seqscan = off");
            }
            try {
                for (SqlRecorder.Recorded r : copied) {
                    if (!r.isSelect()) {
                        continue;
                    }
                    String plan = r.explain(c, "costs off");
                    for (String table : SqlRecorder.sequentialScans(plan)) {
                        if (!SMALL.contains(table)) {
                            scans.add(table + " in " + r.sql().replaceAll("\\s+", " ") + "\n" + plan);
                        }
                    }
                }
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("reset enable_seqscan");
                }
            }
        }
        assertThat(scans).as("reads of a whole table while processing a mail").isEmpty();
    }

    private List<SqlRecorder.Recorded> record(String from, List<String> cc) {
        sql.start();
        try {
            receive(from, cc);
        } catch (RuntimeException | AssertionError e) {
            sql.stop();
            throw e;
        }
        return sql.stop();
    }

    private void receive(String from, List<String> cc) {
        String raw = "From: Новый Клиент <" + from + ">\r\n"
                + "To: support@tidesk.local\r\n"
                + (cc.isEmpty() ? "" : "Cc: " + String.join(", ", cc) + "\r\n")
                + "Subject: Не работает форма заказа\r\n"
                + "Message-ID: <budget-" + System.nanoTime() + "@client.example>\r\n"
                + "Date: Mon, 07 Dec 2026 10:00:00 +0300\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + "Здравствуйте! После обновления форма заказа не отправляется.\r\n";
        assertThat(intake.receive("smtp", raw.getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(InboundStatus.PROCESSED);
    }

    private static String newcomer(String domain) {
        return "novichok" + System.nanoTime() + "@" + domain;
    }

    private static long staffReads(List<SqlRecorder.Recorded> sent) {
        return sent.stream()
                .filter(r -> r.isSelect() && r.sql().matches("(?s).*\\bfrom staff\\b.*"))
                .count();
    }
}
