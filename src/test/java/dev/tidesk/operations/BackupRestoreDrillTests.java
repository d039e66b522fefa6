package dev.tidesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.TideskApplication;
import dev.tidesk.contract.ContractFixtures;
import dev.tidesk.contract.ContractView;
import dev.tidesk.contract.PlanCode;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import dev.tidesk.worklog.WorkLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backup drill an operator would run: data made through the application (a client with a
 * contract, a request from two months ago with its work logged and its month closed, a request with
 * an attachment and a staff reply), Tidesk stopped, {@code backup --to FILE}, then a fresh data
 * folder, {@code restore --from FILE}, and Tidesk started on it: every table holds as many rows as
 * before, the records read the same field by field, the secret files are back, and the client signs
 * in to the portal over HTTP with the password they had. A backup while Tidesk runs on the data
 * folder is refused, and so is a second restore onto the restored data without {@code --force}.
 */
@Tag("integration")
class BackupRestoreDrillTests {

    @TempDir
    Path dir;

    @Test
    void backUpWipeRestoreAndEverythingIsBack() throws Exception {
        Path original = dir.resolve("original/postgres");
        Path fresh = dir.resolve("fresh/postgres");
        Path backup = dir.resolve("tidesk-backup.zip");
        byte[] file = "%PDF-1.4 отчёт о работах\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        TestData.Client client;
        TicketView withFile;
        ContractView contract;
        Map<String, Long> countsBefore;
        Map<String, List<String>> recordsBefore;
        try (ConfigurableApplicationContext app = start(original)) {
            TestData data = new TestData(app);
            ContractFixtures fixtures = new ContractFixtures(app);
            client = data.client();
            StaffView agent = data.agent();
            TicketView old = fixtures.request(data, client, "Обновить CMS", 2);
            contract = fixtures.sign(client, PlanCode.ECONOMY, 2);
            fixtures.log(old, agent, 1, 6);
            withFile = app.getBean(RequestIntake.class)
                    .open(new NewRequest(
                            "Ошибка на странице оплаты",
                            "Скриншот и отчёт во вложении",
                            client.contact().id(),
                            client.site().id(),
                            Channel.PORTAL,
                            Urgency.HIGH,
                            List.of(new NewAttachment("отчёт.pdf", "application/pdf", file)),
                            Actor.contact(
                                    client.contact().id(), client.contact().fullName())));
            app.getBean(RequestDesk.class)
                    .reply(
                            withFile.id(),
                            Actor.staff(agent.id(), agent.fullName()),
                            "Смотрим, ответим сегодня",
                            List.of());
            YearMonth lastMonth =
                    YearMonth.from(app.getBean(WorkLog.class).today()).minusMonths(1);
            app.getBean(MonthlyClose.class).closeUpTo(lastMonth);
            data.settle();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(
                            "select count(*) from ledger_month where contract_id = ?", Integer.class, contract.id()))
                    .as("the closed months")
                    .isEqualTo(2);
            countsBefore = counts(jdbc);

            Output whileRunning = new Output();
            assertThat(BackupCommand.execute(
                            new String[] {
                                "backup", "--to", backup.toString(), "--tidesk.db.embedded.data-dir=" + original
                            },
                            whileRunning.out,
                            whileRunning.err))
                    .isEqualTo(2);
            assertThat(whileRunning.text()).contains("Backup refused", "in use by another running Tidesk");
            assertThat(backup).doesNotExist();
            recordsBefore = records(jdbc, client, withFile, contract);
        }
        byte[] key = Files.readAllBytes(original.resolveSibling("tidesk-secret.key"));
        byte[] password = Files.readAllBytes(original.resolveSibling("tidesk-db.password"));

        Output backedUp = new Output();
        assertThat(BackupCommand.execute(
                        new String[] {"backup", "--to", backup.toString(), "--tidesk.db.embedded.data-dir=" + original},
                        backedUp.out,
                        backedUp.err))
                .as(backedUp.toString())
                .isZero();
        System.out.print(backedUp);
        assertThat(backedUp.text()).contains("Backup written", "tidesk-secret.key and tidesk-db.password", "took");
        assertThat(backup).isRegularFile();
        assertThat(dir.resolve("tidesk-backup.zip.part")).doesNotExist();

        Output restored = new Output();
        assertThat(RestoreCommand.execute(
                        new String[] {"restore", "--from", backup.toString(), "--tidesk.db.embedded.data-dir=" + fresh},
                        restored.out,
                        restored.err))
                .as(restored.toString())
                .isZero();
        System.out.print(restored);
        assertThat(restored.text())
                .contains("Put back the secret key", "Put back the database password", "Restored in");
        assertThat(Files.readAllBytes(fresh.resolveSibling("tidesk-secret.key")))
                .isEqualTo(key);
        assertThat(Files.readAllBytes(fresh.resolveSibling("tidesk-db.password")))
                .isEqualTo(password);

        try (ConfigurableApplicationContext app = start(fresh)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(counts(jdbc)).isEqualTo(countsBefore);
            assertThat(records(jdbc, client, withFile, contract)).isEqualTo(recordsBefore);
            // the attachment's bytes, wherever the storage module keeps them (its own table by default)
            String contentKey = jdbc.queryForObject(
                    "select content_key from ticket_attachment where ticket_id = ?", String.class, withFile.id());
            assertThat(app.getBean(dev.tidesk.storage.Blobs.class).read(contentKey))
                    .isEqualTo(file);
            // the sequences go on after the restored rows: a new request gets the next TID
            TicketView next = new TestData(app).request(client, "После восстановления", "текст");
            assertThat(next.id()).isGreaterThan(withFile.id());
            assertThat(number(next.tid())).isGreaterThan(number(withFile.tid()));

            String portal = signIn(app, client.login());
            assertThat(portal).contains(withFile.tid(), "Ошибка на странице оплаты");
        }

        Output again = new Output();
        assertThat(RestoreCommand.execute(
                        new String[] {"restore", "--from", backup.toString(), "--tidesk.db.embedded.data-dir=" + fresh},
                        again.out,
                        again.err))
                .isEqualTo(2);
        assertThat(again.text()).contains("Restore refused", "is not empty", "--force");

        Output forced = new Output();
        assertThat(RestoreCommand.execute(
                        new String[] {
                            "restore", "--from", backup.toString(), "--force", "--tidesk.db.embedded.data-dir=" + fresh
                        },
                        forced.out,
                        forced.err))
                .as(forced.toString())
                .isZero();
        assertThat(forced.text())
                .contains("Dropped what the embedded database in " + fresh, "as --force asked")
                .contains("Kept the database password of the existing data folder")
                .contains("The secret key file is the backup's already");
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(TideskApplication.class)
                .run("--server.port=0", "--tidesk.db.embedded.data-dir=" + dataDir);
    }

    /** Rows in every table of the schema. */
    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : jdbc.queryForList(
                "select relname from pg_class where relkind = 'r' and relnamespace = current_schema()::regnamespace"
                        + " order by relname",
                String.class)) {
            counts.put(table, jdbc.queryForObject("select count(*) from \"" + table + "\"", Long.class));
        }
        return counts;
    }

    /** Whole rows, every column, as PostgreSQL prints them in JSON. */
    private static Map<String, List<String>> records(
            JdbcTemplate jdbc, TestData.Client client, TicketView ticket, ContractView contract) {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        rows.put(
                "organization",
                json(jdbc, "organization", "id = ?", client.organization().id()));
        rows.put("contact", json(jdbc, "contact", "id = ?", client.contact().id()));
        rows.put("account", json(jdbc, "account", "lower(login) = lower(?)", client.login()));
        rows.put(
                "ticket",
                json(
                        jdbc,
                        "ticket",
                        "organization_id = ?",
                        client.organization().id()));
        rows.put("ticket_message", json(jdbc, "ticket_message", "ticket_id = ?", ticket.id()));
        rows.put("ticket_attachment", json(jdbc, "ticket_attachment", "ticket_id = ?", ticket.id()));
        rows.put("contract", json(jdbc, "contract", "id = ?", contract.id()));
        rows.put("ledger_month", json(jdbc, "ledger_month", "contract_id = ?", contract.id()));
        rows.put(
                "work_entry",
                json(
                        jdbc,
                        "work_entry",
                        "ticket_id in (select id from ticket where organization_id = ?)",
                        client.organization().id()));
        assertThat(rows.values()).allSatisfy(r -> assertThat(r).isNotEmpty());
        return rows;
    }

    private static List<String> json(JdbcTemplate jdbc, String table, String where, Object arg) {
        return jdbc.queryForList(
                "select to_jsonb(t)::text from " + table + " t where " + where + " order by 1", String.class, arg);
    }

    private static long number(String tid) {
        return Long.parseLong(tid.replaceAll("\\D", ""));
    }

    /** Signs in to the portal through its login form over HTTP; returns the portal's first page. */
    private static String signIn(ConfigurableApplicationContext app, String login) throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("a CSRF token on the login form").isTrue();
        String body = "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> portal = http.send(
                HttpRequest.newBuilder(URI.create(base + "/portal")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(200);
        return portal.body();
    }

    /** What a command printed. */
    static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        final PrintStream err = out;

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
