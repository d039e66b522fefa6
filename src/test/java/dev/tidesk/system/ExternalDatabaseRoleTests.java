package dev.tidesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tidesk.WebTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The schema on whatever database the tests run on: every migration file applied once and
 * successfully. Run with {@code -Pexternal-db} ({@code .ci/external-db}, Debian's PostgreSQL), it
 * also proves that Tidesk needs no superuser: it connected as a role without superuser, database or
 * role creation rights, and that role ran every migration and owns every table it made.
 */
@Tag("database")
class ExternalDatabaseRoleTests extends WebTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMigrationFileIsAppliedOnceAndSuccessfully() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/*.sql");
        List<Integer> versions = Arrays.stream(files)
                .map(file -> Integer.valueOf(
                        file.getFilename().substring(1, file.getFilename().indexOf("__"))))
                .sorted()
                .toList();
        List<Integer> applied = jdbc
                .queryForList(
                        "select version from flyway_schema_history where success and version is not null", String.class)
                .stream()
                .map(Integer::valueOf)
                .sorted()
                .toList();
        assertThat(applied).isEqualTo(versions);
    }

    @Test
    @EnabledIfSystemProperty(named = "tidesk.test.external-db", matches = "true")
    void anExternalDatabaseIsMigratedByARoleThatIsNoSuperuser() {
        assertThat(context.getBeansOfType(EmbeddedPostgres.class))
                .as("the external database, not an embedded one")
                .isEmpty();
        Map<String, Object> role = jdbc.queryForMap(
                "select current_user as name, rolsuper, rolcreatedb, rolcreaterole from pg_roles where rolname = current_user");
        assertThat(role)
                .containsEntry("rolsuper", false)
                .containsEntry("rolcreatedb", false)
                .containsEntry("rolcreaterole", false);
        String name = (String) role.get("name");
        assertThat(jdbc.queryForObject(
                        "select pg_get_userbyid(datdba) from pg_database where datname = current_database()",
                        String.class))
                .as("owner of the database")
                .isEqualTo(name);
        assertThat(jdbc.queryForList("select distinct installed_by from flyway_schema_history", String.class))
                .containsExactly(name);
        assertThat(jdbc.queryForList(
                        "select distinct tableowner from pg_tables where schemaname = current_schema()", String.class))
                .containsExactly(name);
        assertThat(jdbc.queryForObject(
                        "select count(*) from pg_tables where schemaname = current_schema()", Integer.class))
                .isGreaterThan(50);
    }
}
