package dev.tidesk.operations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * What a backup holds, written into it as {@code manifest.properties}: the schema version its data
 * match (the last Flyway migration applied), every table with its columns, its row count and its
 * definition, every sequence's position, and the secret files beside the data folder.
 *
 * @param created       when the backup's snapshot was taken
 * @param schemaVersion the Flyway version of the database, e.g. {@code 444}
 * @param tables        every table in dump order, {@code flyway_schema_history} included
 * @param files         the secret files carried in the backup, by name
 */
record BackupManifest(
        int format,
        Instant created,
        String schemaVersion,
        String schemaDescription,
        String server,
        List<Table> tables,
        List<Sequence> sequences,
        List<String> files) {

    static final String ENTRY = "manifest.properties";
    static final int FORMAT = 1;

    /**
     * One table: its columns in COPY order (generated columns left out), the rows copied, and a
     * definition that recreates it where the migrations do not (the event publication registry).
     */
    record Table(String name, List<String> columns, long rows, String definition) {
        String entry() {
            return "data/" + name + ".copy";
        }
    }

    record Sequence(String name, long value, boolean called) {}

    long rows() {
        return tables.stream().mapToLong(Table::rows).sum();
    }

    void write(OutputStream out) throws IOException {
        Properties p = new Properties();
        p.setProperty("format", Integer.toString(format));
        p.setProperty("created", created.toString());
        p.setProperty("schema.version", schemaVersion);
        p.setProperty("schema.description", schemaDescription);
        p.setProperty("server", server);
        p.setProperty("tables", join(tables.stream().map(Table::name).toList()));
        for (Table t : tables) {
            p.setProperty("table." + t.name() + ".columns", join(t.columns()));
            p.setProperty("table." + t.name() + ".rows", Long.toString(t.rows()));
            p.setProperty("table." + t.name() + ".definition", t.definition());
        }
        p.setProperty("sequences", join(sequences.stream().map(Sequence::name).toList()));
        for (Sequence s : sequences) {
            p.setProperty("sequence." + s.name(), s.value() + "," + s.called());
        }
        p.setProperty("files", join(files));
        p.store(out, "Tidesk backup: restore with java -jar tidesk.jar restore --from FILE");
    }

    static BackupManifest read(InputStream in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        int format = Integer.parseInt(required(p, "format"));
        if (format != FORMAT) {
            throw new IOException("This backup has format " + format + "; this Tidesk reads format " + FORMAT);
        }
        List<Table> tables = new ArrayList<>();
        for (String name : split(required(p, "tables"))) {
            tables.add(new Table(
                    name,
                    split(required(p, "table." + name + ".columns")),
                    Long.parseLong(required(p, "table." + name + ".rows")),
                    required(p, "table." + name + ".definition")));
        }
        List<Sequence> sequences = new ArrayList<>();
        for (String name : split(p.getProperty("sequences", ""))) {
            String[] v = required(p, "sequence." + name).split(",");
            sequences.add(new Sequence(name, Long.parseLong(v[0]), Boolean.parseBoolean(v[1])));
        }
        return new BackupManifest(
                format,
                Instant.parse(required(p, "created")),
                required(p, "schema.version"),
                p.getProperty("schema.description", ""),
                p.getProperty("server", ""),
                tables,
                sequences,
                split(p.getProperty("files", "")));
    }

    private static String required(Properties p, String key) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException("The backup's manifest has no " + key + ": not a Tidesk backup, or damaged");
        }
        return value;
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static List<String> split(String value) {
        return value.isBlank() ? List.of() : Arrays.asList(value.split(","));
    }
}
