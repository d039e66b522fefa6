package dev.tidesk.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.application.DiskSpaceHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Starts PostgreSQL 17 in-process when neither {@code spring.datasource.url} nor
 * {@code TIDESK_DB_URL} is set, so that one command runs Tidesk with nothing installed.
 * The cluster is kept under {@code ./data/postgres} and stopped when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** The cluster's password, set when it has a data folder of its own (null for a throw-away one). */
    private volatile String password;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", "on")
                // the library's default is off; a mail acknowledged (SMTP 250, IMAP move) must be on disk
                .setServerConfig("synchronous_commit", "on")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        Path dir = null;
        String password = null;
        if (StringUtils.hasText(properties.dataDir())) {
            dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            prepareDataDirectory(dir);
            OrphanedPostmaster.stopIfAny(dir);
            password = DatabasePassword.readOrCreate(DatabasePassword.fileFor(dir));
            builder.setDataDirectory(dir).setCleanDataDirectory(false).setConnectConfig("password", password);
            log.info("Starting the embedded PostgreSQL with data in {}", dir);
        } else {
            log.info("Starting a throw-away embedded PostgreSQL");
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres = builder.start();
        if (dir != null && !DatabasePassword.required(dir)) {
            try {
                DatabasePassword.require(postgres, dir, password);
            } catch (java.sql.SQLException e) {
                postgres.close();
                throw new IOException("Could not set the embedded database's password", e);
            }
        }
        this.password = password;
        log.info(
                "Embedded PostgreSQL ready on port {} in {} ms",
                postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    /**
     * Readiness ({@code embeddedDataDisk}): DOWN when the disk of the data folder has less than
     * {@code tidesk.health.data-disk-min-free} left. A throw-away cluster lives in the temporary folder.
     */
    @Bean
    HealthIndicator embeddedDataDiskHealthIndicator(
            EmbeddedDatabaseProperties properties,
            @Value("${tidesk.health.data-disk-min-free:500MB}") DataSize minFree) {
        Path folder = StringUtils.hasText(properties.dataDir())
                ? Path.of(properties.dataDir()).toAbsolutePath().normalize()
                : Path.of(System.getProperty("java.io.tmpdir"));
        return new DiskSpaceHealthIndicator(folder.toFile(), minFree);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("tidesk-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /**
     * The folder is created owner-only. As root the library runs PostgreSQL (which refuses to run
     * as root) in a user namespace; the files it makes there still belong to root on disk, so no
     * folder needs to be opened to other users.
     */
    private static void prepareDataDirectory(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (!Files.exists(parent)) {
            try {
                Files.createDirectories(
                        parent,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(parent);
            }
        }
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
