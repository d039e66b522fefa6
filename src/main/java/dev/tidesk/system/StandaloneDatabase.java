package dev.tidesk.system;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The configured database alone, without the application around it: what the commands that work on
 * the database itself (backup, restore, the schema check) start instead of Tidesk. It is the same
 * database a normal start would use: the embedded PostgreSQL on {@code tidesk.db.embedded.data-dir}
 * (started the same way, with its password, and refused while another Tidesk runs on that folder),
 * or the external one of {@code spring.datasource.url}. Nothing is migrated and nothing else runs.
 * <p>
 * Not a component: the application never picks it up; the commands start it with {@link #start}.
 */
@Import({EmbeddedDatabaseConfiguration.class, ClockConfiguration.class})
@EnableConfigurationProperties(EmbeddedDatabaseProperties.class)
public class StandaloneDatabase {

    /**
     * Starts the database the arguments and the usual settings configure; close the context to stop
     * it. Refuses at once, before anything starts, while a running Tidesk holds the embedded data folder.
     */
    public static ConfigurableApplicationContext start(String[] args) {
        Optional<Path> dir = embeddedDataDir(settings(args));
        try {
            if (dir.isPresent() && OrphanedPostmaster.inUse(dir.get())) {
                throw new IllegalStateException(OrphanedPostmaster.inUseMessage(dir.get()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SpringApplicationBuilder(StandaloneDatabase.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args);
    }

    /** The settings (properties, environment, arguments) as a start with these arguments would read them. */
    public static Environment settings(String[] args) {
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(args)) {
            return settings.getEnvironment();
        }
    }

    /** Nothing but the settings. */
    static class Settings {}

    /**
     * The embedded database's data folder when no external one is configured, as the settings name
     * it; empty for an external database.
     */
    public static Optional<Path> embeddedDataDir(Environment environment) {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            return Optional.empty();
        }
        String dir = environment.getProperty("tidesk.db.embedded.data-dir");
        return StringUtils.hasText(dir)
                ? Optional.of(Path.of(dir).toAbsolutePath().normalize())
                : Optional.empty();
    }

    /** The file beside a data folder that holds its cluster's password ({@code tidesk-db.password}). */
    public static Path passwordFile(Path dataDir) {
        return DatabasePassword.fileFor(dataDir);
    }

    /** Whether a data folder holds a PostgreSQL cluster already (an empty or missing folder does not). */
    public static boolean holdsCluster(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    @Bean(destroyMethod = "close")
    @Conditional(DatabaseConfigured.class)
    DataSource externalDataSource(Environment environment) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(environment.getProperty("spring.datasource.url"));
        config.setUsername(environment.getProperty("spring.datasource.username"));
        config.setPassword(environment.getProperty("spring.datasource.password"));
        config.setPoolName("tidesk-standalone");
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    static class DatabaseConfigured extends EmbeddedDatabaseConfiguration.NoDatabaseConfigured {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
