package dev.tidesk.operations;

import static dev.tidesk.operations.DatabaseDump.quote;
import static dev.tidesk.operations.DatabaseDump.quoted;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into an empty schema: Flyway migrates it to exactly the backup's version (so every
 * table, index, trigger and constraint is this Tidesk's own), the tables no migration creates are
 * made from their definitions in the backup, and then, in one transaction with triggers and
 * foreign-key checks off ({@code session_replication_role = replica}, as {@code pg_restore
 * --disable-triggers}), every table is emptied of what the migrations seeded, filled by
 * {@code COPY ... FROM STDIN}, checked against the backup's row count, and every sequence is set.
 * A failure rolls the data back and leaves the freshly migrated, empty schema.
 */
final class DatabaseLoad {

    private DatabaseLoad() {}

    /** What the schema holds now: nothing, or Tidesk's tables (with a few figures to tell the operator). */
    static String contents(Connection c) throws SQLException {
        List<DatabaseDump.TableRef> tables = DatabaseDump.tables(c);
        if (tables.isEmpty()) {
            return null;
        }
        StringBuilder what = new StringBuilder(tables.size() + " tables");
        Set<String> names =
                new HashSet<>(tables.stream().map(DatabaseDump.TableRef::name).toList());
        if (names.contains(DatabaseDump.HISTORY)) {
            try {
                what.append(", schema V").append(DatabaseDump.schemaVersion(c)[0]);
            } catch (SQLException noMigration) {
                // an empty history says nothing more
            }
        }
        for (String table : List.of("ticket", "organization", "account")) {
            if (names.contains(table)) {
                what.append(", ")
                        .append(CommandLine.count(
                                Long.parseLong(DatabaseDump.single(c, "select count(*) from " + quote(table)))))
                        .append(" rows in ")
                        .append(table);
            }
        }
        return what.toString();
    }

    /** Drops everything in the current schema (restore {@code --force}). */
    static void empty(Connection c) throws SQLException {
        String schema = DatabaseDump.single(c, "select current_schema()");
        try (Statement s = c.createStatement()) {
            s.execute("drop schema " + quote(schema) + " cascade");
            s.execute("create schema " + quote(schema));
        }
    }

    /** Migrates the empty schema to the backup's version, refusing a backup newer than this Tidesk. */
    static int migrate(DataSource dataSource, String[] locations, String version) throws SQLException {
        Flyway flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .target(MigrationVersion.fromVersion(version))
                .load();
        MigrationVersion latest = MigrationVersion.EMPTY;
        for (MigrationInfo m : flyway.info().all()) {
            if (m.getVersion() != null && m.getVersion().compareTo(latest) > 0) {
                latest = m.getVersion();
            }
        }
        if (MigrationVersion.fromVersion(version).compareTo(latest) > 0) {
            throw new SQLException("The backup's schema is V" + version + ", newer than this Tidesk knows (up to V"
                    + latest + "): restore it with the Tidesk that made it, or a newer one");
        }
        return flyway.migrate().migrationsExecuted;
    }

    static void load(DataSource dataSource, ZipFile zip, BackupManifest manifest, PrintStream out)
            throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                loadInto(c, zip, manifest, out);
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            long started = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute("analyze");
            }
            out.println("  statistics (analyze): " + CommandLine.since(started));
        }
    }

    /**
     * Drops the indexes that back no constraint (keys and unique constraints stay) and returns the
     * statements that build them again: an index built once over the loaded rows is much cheaper than
     * one kept up to date row by row (the full-text GIN indexes above all), as pg_restore does too.
     */
    private static List<String> dropIndexes(Connection c) throws SQLException {
        List<String> create = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        try (Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("""
                        select i.relname, pg_get_indexdef(x.indexrelid)
                          from pg_index x
                          join pg_class i on i.oid = x.indexrelid
                          join pg_class t on t.oid = x.indrelid
                         where t.relnamespace = current_schema()::regnamespace and t.relkind = 'r'
                           and not exists (select 1 from pg_constraint where conindid = x.indexrelid)
                         order by i.relname""")) {
            while (r.next()) {
                names.add(r.getString(1));
                create.add(r.getString(2));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("drop index " + quote(name));
            }
        }
        return create;
    }

    private static void loadInto(Connection c, ZipFile zip, BackupManifest manifest, PrintStream out)
            throws IOException, SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local session_replication_role = replica");
        } catch (SQLException e) {
            throw new SQLException(
                    "Restoring needs a superuser, as the embedded database's own user is (" + e.getMessage()
                            + "); for an external database use pg_dump and pg_restore",
                    e);
        }
        Set<String> existing = new HashSet<>(
                DatabaseDump.tables(c).stream().map(DatabaseDump.TableRef::name).toList());
        for (BackupManifest.Table t : manifest.tables()) {
            if (!existing.contains(t.name())) {
                try (Statement s = c.createStatement()) {
                    s.execute(t.definition());
                }
                out.println("  created " + t.name() + " (made at start, not by a migration)");
            }
        }
        try (Statement s = c.createStatement()) {
            // rows the migrations seeded (plans, calendar...) come back from the backup as they were
            s.execute("truncate table "
                    + String.join(
                            ", ",
                            quoted(manifest.tables().stream()
                                    .map(BackupManifest.Table::name)
                                    .toList())));
        }
        List<String> indexes = dropIndexes(c);
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (BackupManifest.Table t : manifest.tables()) {
            ZipEntry entry = zip.getEntry(t.entry());
            if (entry == null) {
                throw new IOException("The backup has no data for table " + t.name() + ": damaged");
            }
            long started = System.nanoTime();
            long rows;
            try (InputStream in = zip.getInputStream(entry)) {
                rows = copy.copyIn(
                        "copy " + quote(t.name()) + " (" + String.join(", ", quoted(t.columns())) + ") from stdin", in);
            }
            if (rows != t.rows()) {
                throw new IOException("Table " + t.name() + ": the backup lists " + t.rows() + " rows, " + rows
                        + " were read: damaged");
            }
            if (rows > 0) {
                out.println("  " + t.name() + ": " + CommandLine.count(rows) + " rows, " + CommandLine.since(started));
            }
        }
        long started = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (String index : indexes) {
                s.execute(index);
            }
        }
        out.println("  " + indexes.size() + " indexes built: " + CommandLine.since(started));
        try (Statement s = c.createStatement()) {
            for (BackupManifest.Sequence seq : manifest.sequences()) {
                s.execute("select setval('" + quote(seq.name()).replace("'", "''") + "', " + seq.value() + ", "
                        + seq.called() + ")");
            }
        }
    }
}
