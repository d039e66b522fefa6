package dev.tidesk.operations;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup: every table of Tidesk's schema through {@code COPY ... TO STDOUT} (PostgreSQL's
 * text format), all inside one read-only repeatable-read transaction, so the tables agree with each
 * other as of one moment even while Tidesk writes; then the sequences, the secret files and the
 * manifest, into one zip. The zip is written beside its final name and moved there when complete,
 * so a backup file is never half a backup.
 */
final class DatabaseDump {

    static final String HISTORY = "flyway_schema_history";

    private DatabaseDump() {}

    static BackupManifest write(
            DataSource dataSource, Path file, Map<String, Path> secretFiles, Clock clock, PrintStream out)
            throws IOException, SQLException {
        Path part = file.resolveSibling(file.getFileName() + ".part");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try (OutputStream raw = Files.newOutputStream(part);
                    ZipOutputStream zip = new ZipOutputStream(raw)) {
                zip.setLevel(Deflater.BEST_SPEED);
                BackupManifest manifest = dump(c, zip, secretFiles, clock, out);
                zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
                manifest.write(new Unclosed(zip));
                zip.closeEntry();
                zip.finish();
                c.commit();
                raw.flush();
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return manifest;
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                Files.deleteIfExists(part);
                throw e;
            }
        }
    }

    private static BackupManifest dump(
            Connection c, ZipOutputStream zip, Map<String, Path> secretFiles, Clock clock, PrintStream out)
            throws IOException, SQLException {
        // the snapshot is taken by the transaction's first query
        String[] schema = schemaVersion(c);
        String server = single(c, "select version()");
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        List<BackupManifest.Table> tables = new ArrayList<>();
        for (TableRef t : tables(c)) {
            long started = System.nanoTime();
            List<String> columns = columns(c, t.oid());
            BackupManifest.Table table = new BackupManifest.Table(t.name(), columns, 0, definition(c, t));
            zip.putNextEntry(new ZipEntry(table.entry()));
            long rows = copy.copyOut(
                    "copy " + quote(t.name()) + " (" + String.join(", ", quoted(columns)) + ") to stdout",
                    new Unclosed(zip));
            zip.closeEntry();
            tables.add(new BackupManifest.Table(t.name(), columns, rows, table.definition()));
            if (rows > 0) {
                out.println("  " + t.name() + ": " + CommandLine.count(rows) + " rows, " + CommandLine.since(started));
            }
        }
        List<BackupManifest.Sequence> sequences = new ArrayList<>();
        for (String name : list(
                c,
                "select relname from pg_class where relkind = 'S'"
                        + " and relnamespace = current_schema()::regnamespace order by relname")) {
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("select last_value, is_called from " + quote(name))) {
                r.next();
                sequences.add(new BackupManifest.Sequence(name, r.getLong(1), r.getBoolean(2)));
            }
        }
        List<String> files = new ArrayList<>();
        for (Map.Entry<String, Path> f : secretFiles.entrySet()) {
            if (Files.isRegularFile(f.getValue())) {
                zip.putNextEntry(new ZipEntry("files/" + f.getKey()));
                Files.copy(f.getValue(), zip);
                zip.closeEntry();
                files.add(f.getKey());
                out.println("  " + f.getKey() + " (from " + f.getValue() + ")");
            }
        }
        return new BackupManifest(
                BackupManifest.FORMAT, clock.instant(), schema[0], schema[1], server, tables, sequences, files);
    }

    /** The version and description of the last migration applied. */
    static String[] schemaVersion(Connection c) throws SQLException {
        if (single(c, "select to_regclass('" + HISTORY + "')::text") == null) {
            throw new SQLException("The database holds no Tidesk schema (no " + HISTORY + " table)");
        }
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select version, description from " + HISTORY
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            if (!r.next()) {
                throw new SQLException("The database's schema has no migration applied yet");
            }
            return new String[] {r.getString(1), r.getString(2)};
        }
    }

    record TableRef(long oid, String name) {}

    static List<TableRef> tables(Connection c) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select oid, relname from pg_class where relkind = 'r'"
                        + " and relnamespace = current_schema()::regnamespace order by relname")) {
            while (r.next()) {
                tables.add(new TableRef(r.getLong(1), r.getString(2)));
            }
        }
        return tables;
    }

    /** The columns COPY reads and writes: all but the generated ones, which PostgreSQL computes again. */
    private static List<String> columns(Connection c, long table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select attname from pg_attribute where attrelid = ?::oid"
                + " and attnum > 0 and not attisdropped and attgenerated = '' order by attnum")) {
            s.setLong(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    columns.add(r.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * A {@code create table} with the columns, their defaults, keys and checks, and the table's other
     * indexes: enough to recreate a table no migration creates (the event publication registry,
     * made by Spring Modulith at start), so that its rows are restored too.
     */
    private static String definition(Connection c, TableRef table) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                       pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
                  from pg_attribute a
                  left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
                 where a.attrelid = ?::oid and a.attnum > 0 and not a.attisdropped
                 order by a.attnum""")) {
            s.setLong(1, table.oid());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    StringBuilder col = new StringBuilder(quote(r.getString(1)) + " " + r.getString(2));
                    String expression = r.getString(4);
                    switch (r.getString(5)) {
                        case "a" -> col.append(" generated always as identity");
                        case "d" -> col.append(" generated by default as identity");
                        default -> {
                            if ("s".equals(r.getString(6))) {
                                col.append(" generated always as (")
                                        .append(expression)
                                        .append(") stored");
                            } else if (expression != null) {
                                col.append(" default ").append(expression);
                            }
                        }
                    }
                    if (r.getBoolean(3)) {
                        col.append(" not null");
                    }
                    parts.add(col.toString());
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("select conname, pg_get_constraintdef(oid) from pg_constraint"
                + " where conrelid = ?::oid and contype in ('p', 'u', 'c') order by conname")) {
            s.setLong(1, table.oid());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    parts.add("constraint " + quote(r.getString(1)) + " " + r.getString(2));
                }
            }
        }
        StringBuilder sql =
                new StringBuilder("create table " + quote(table.name()) + " (" + String.join(", ", parts) + ")");
        try (PreparedStatement s = c.prepareStatement("select pg_get_indexdef(indexrelid) from pg_index"
                + " where indrelid = ?::oid and not exists (select 1 from pg_constraint where conindid = indexrelid)"
                + " order by indexrelid")) {
            s.setLong(1, table.oid());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    sql.append(";\n").append(r.getString(1));
                }
            }
        }
        return sql.toString();
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static List<String> quoted(List<String> identifiers) {
        return identifiers.stream().map(DatabaseDump::quote).toList();
    }

    static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    static List<String> list(Connection c, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    /** The zip stream, passed to code that closes what it is given, kept open for the next entry. */
    private static final class Unclosed extends FilterOutputStream {
        Unclosed(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
