package dev.tidesk.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the PostgreSQL that Tidesk starts itself when no database is configured.
 *
 * @param dataDir where the cluster lives across restarts; blank means a throw-away directory (tests)
 * @param port    fixed port, or 0 for any free one
 */
@ConfigurationProperties("tidesk.db.embedded")
public record EmbeddedDatabaseProperties(String dataDir, int port) {}
