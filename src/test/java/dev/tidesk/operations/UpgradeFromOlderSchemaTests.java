package dev.tidesk.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TestData;
import dev.tidesk.TideskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * An upgrade: a database at an older schema (V420, the last of the per-module numbering) holding
 * data written as Tidesk wrote it then, checked with {@code migrate --check} (the pending migrations
 * listed in order, nothing applied, exit 3), then started by the current Tidesk, which migrates it:
 * the records are still there, the client signs in over HTTP and sees the old request with its
 * conversation, and a second check finds nothing to migrate (exit 0); a database a newer Tidesk
 * migrated is told apart (exit 4).
 */
@Tag("integration")
class UpgradeFromOlderSchemaTests {

    static final String PREVIOUS = "420";

    @Test
    void aStartMigratesADatabaseOfTheOlderSchemaAndItsDataSurvive() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway.configure()
                    .dataSource(db)
                    .locations("classpath:db/migration")
                    .target(PREVIOUS)
                    .load()
                    .migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            Written old = writeAsOfV420(jdbc);
            List<String> migrations = migrationsAfter(jdbc);
            String[] database = {
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password="
            };

            BackupRestoreDrillTests.Output check = new BackupRestoreDrillTests.Output();
            assertThat(SchemaCheckCommand.execute(args("migrate", "--check", database), check.out, check.err))
                    .as(check.toString())
                    .isEqualTo(SchemaCheckCommand.PENDING);
            System.out.print(check);
            assertThat(check.text())
                    .contains("Schema version: V420 (mail participants)")
                    .contains(migrations.size() + " migrations pending")
                    .containsSubsequence(
                            migrations.stream().map(m -> "  V" + m + "  ").toList());
            assertThat(currentVersion(jdbc)).as("the check applied nothing").isEqualTo(PREVIOUS);

            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(TideskApplication.class).run(args("--server.port=0", database))) {
                assertThat(currentVersion(jdbc)).isEqualTo(migrations.get(migrations.size() - 1));
                assertThat(jdbc.queryForObject(
                                "select name from organization where id = ?", String.class, old.organization()))
                        .isEqualTo("ООО Давний Клиент");
                assertThat(jdbc.queryForList(
                                "select body from ticket_message where ticket_id = ? order by created_at",
                                String.class,
                                old.ticket()))
                        .containsExactly("Сайт не открывается с утра", "Перезапустили веб-сервер, проверьте");
                assertThat(jdbc.queryForObject("select status from ticket where id = ?", String.class, old.ticket()))
                        .isEqualTo("OPEN");
                String portal = signInAndOpen(app, "ivanova@davniy.example", "/portal/requests/TID-10001");
                assertThat(portal).contains("TID-10001", "Сайт недоступен", "Перезапустили веб-сервер, проверьте");
            }

            BackupRestoreDrillTests.Output after = new BackupRestoreDrillTests.Output();
            assertThat(SchemaCheckCommand.execute(args("migrate", "--check", database), after.out, after.err))
                    .as(after.toString())
                    .isZero();
            assertThat(after.text()).contains("Nothing to migrate");

            // what an older jar sees on a database a newer Tidesk migrated
            jdbc.update("""
                    insert into flyway_schema_history (installed_rank, version, description, type, script, checksum,
                                                       installed_by, execution_time, success)
                    select max(installed_rank) + 1, '9999', 'from a newer Tidesk', 'SQL', 'V9999__newer.sql', 0,
                           'postgres', 1, true
                      from flyway_schema_history""");
            BackupRestoreDrillTests.Output newer = new BackupRestoreDrillTests.Output();
            assertThat(SchemaCheckCommand.execute(args("migrate", "--check", database), newer.out, newer.err))
                    .as(newer.toString())
                    .isEqualTo(SchemaCheckCommand.NEWER);
            assertThat(newer.text()).contains("migrated by a newer Tidesk", "up to V9999");
        }
    }

    record Written(long organization, long ticket) {}

    /** A client, their portal login, and a request with the client's message and a staff reply, in V420's tables. */
    private static Written writeAsOfV420(JdbcTemplate jdbc) {
        long org = jdbc.queryForObject(
                "insert into organization (name, email_domain) values ('ООО Давний Клиент', 'davniy.example')"
                        + " returning id",
                Long.class);
        long contact = jdbc.queryForObject(
                "insert into contact (organization_id, full_name, email, phone, language)"
                        + " values (?, 'Мария Иванова', 'ivanova@davniy.example', '+7 495 100-20-30', 'ru') returning id",
                Long.class,
                org);
        jdbc.update(
                "insert into account (login, password_hash, display_name, kind, role, contact_id, organization_id)"
                        + " values ('ivanova@davniy.example', ?, 'Мария Иванова', 'CONTACT', 'CONTACT', ?, ?)",
                PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(TestData.PASSWORD),
                contact,
                org);
        jdbc.queryForObject("select nextval('ticket_number_seq')", Long.class); // 10001, taken by the request below
        long ticket = jdbc.queryForObject("""
                insert into ticket (number, tid, subject, organization_id, organization_name, contact_id, contact_name,
                                    contact_email, channel, urgency, urgency_rank, status, created_at, updated_at,
                                    first_response_at)
                values (10001, 'TID-10001', 'Сайт недоступен', ?, 'ООО Давний Клиент', ?, 'Мария Иванова',
                        'ivanova@davniy.example', 'PORTAL', 'HIGH', 1, 'OPEN', now() - interval '2 days',
                        now() - interval '1 day', now() - interval '1 day')
                returning id""", Long.class, org, contact);
        jdbc.update(
                "insert into ticket_message (ticket_id, kind, author_name, author_contact_id, body, created_at)"
                        + " values (?, 'CLIENT', 'Мария Иванова', ?, 'Сайт не открывается с утра',"
                        + " now() - interval '2 days')",
                ticket,
                contact);
        jdbc.update(
                "insert into ticket_message (ticket_id, kind, author_name, body, created_at)"
                        + " values (?, 'STAFF_REPLY', 'Поддержка', 'Перезапустили веб-сервер, проверьте',"
                        + " now() - interval '1 day')",
                ticket);
        return new Written(org, ticket);
    }

    /** The versions this Tidesk has after {@link #PREVIOUS}, in order. */
    private static List<String> migrationsAfter(JdbcTemplate jdbc) {
        Flyway flyway = Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration")
                .load();
        return java.util.Arrays.stream(flyway.info().pending())
                .map(m -> m.getVersion().getVersion())
                .toList();
    }

    private static String currentVersion(JdbcTemplate jdbc) {
        return jdbc.queryForObject(
                "select version from flyway_schema_history where success and version is not null"
                        + " order by installed_rank desc limit 1",
                String.class);
    }

    private static String[] args(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static String[] args(String first, String second, String... rest) {
        return args(first, concat(second, rest));
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    /** Signs in to the portal through its login form over HTTP, then opens {@code path}. */
    private static String signInAndOpen(ConfigurableApplicationContext app, String login, String path)
            throws Exception {
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpResponse<String> form = http.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create(base + "/portal/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                                        + URLEncoder.encode(TestData.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                                        + csrf.group(1)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        return page.body();
    }
}
