package dev.tidesk.system;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Starts PostgreSQL 17 in-process when neither {@code spring.datasource.url} nor
 * {@code TIDESK_DB_URL} is set, so that one command runs Tidesk with nothing installed.
 * The cluster is kept under {@code ./data/postgres} and stopped when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("fsync", "on")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C.UTF-8")
                .setRegisterShutdownHook(false);
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        if (StringUtils.hasText(properties.dataDir())) {
            Path dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
            prepareDataDirectory(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
            log.info("Starting the embedded PostgreSQL with data in {}", dir);
        } else {
            log.info("Starting a throw-away embedded PostgreSQL");
        }
        long started = System.nanoTime();
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL ready on port {} in {} ms", postgres.getPort(),
                (System.nanoTime() - started) / 1_000_000);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("tidesk-embedded");
        config.setMaximumPoolSize(20);
        return new HikariDataSource(config);
    }

    /**
     * PostgreSQL refuses to run as root, so as root the embedded server runs in a user namespace
     * where it is not root: initdb must create the cluster directory itself, in a parent it may
     * write to.
     */
    private static void prepareDataDirectory(Path dir) throws IOException {
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        if ("root".equals(System.getProperty("user.name")) && !Files.exists(dir)) {
            File p = parent.toFile();
            p.setWritable(true, false);
            p.setExecutable(true, false);
            p.setReadable(true, false);
        }
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }
}
