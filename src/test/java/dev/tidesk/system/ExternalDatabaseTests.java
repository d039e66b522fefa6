package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.TideskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** With a database configured, Tidesk uses it, migrates it with Flyway, and starts no PostgreSQL of its own. */
@Tag("integration")
class ExternalDatabaseTests {

    @Test
    void aConfiguredDatabaseIsUsedAndNothingIsStarted() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TideskApplication.class)
                    .run(
                            "--server.port=0",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=")) {
                assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
                JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
                assertThat(jdbc.queryForObject("select inet_server_port()", Integer.class))
                        .isEqualTo(external.getPort());
                assertThat(jdbc.queryForObject(
                                "select count(*) from flyway_schema_history where success", Integer.class))
                        .isGreaterThanOrEqualTo(5);
                assertThat(jdbc.queryForObject("select count(*) from account where role = 'ADMIN'", Integer.class))
                        .isEqualTo(1);
            }
        }
    }
}
