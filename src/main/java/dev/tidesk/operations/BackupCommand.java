package dev.tidesk.operations;

import dev.tidesk.system.StandaloneDatabase;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tidesk.jar backup --to FILE [--force]}: writes the configured database (the
 * embedded one under {@code ./data} unless {@code TIDESK_DB_URL} is set) and the secret files beside
 * it into one zip (see {@link DatabaseDump}). For the embedded database Tidesk must be stopped: the
 * command starts the database itself, and refuses while a running Tidesk holds the data folder.
 * Exits 0 when written, 2 when refused (no file named, the file exists without {@code --force},
 * Tidesk running), 1 when it failed.
 */
public final class BackupCommand {

    static final String COMMAND = "backup";

    private BackupCommand() {}

    /** Whether the command line asks for this command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command and exits the JVM with its status. */
    public static void run(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        String to = CommandLine.option(args, "--to");
        if (to == null || to.startsWith("--")) {
            err.println("Usage: java -jar tidesk.jar backup --to FILE [--force] (Tidesk stopped; the file is a zip)");
            return 2;
        }
        Path file = Path.of(to).toAbsolutePath().normalize();
        if (!Files.isDirectory(file.getParent())) {
            err.println("The folder " + file.getParent() + " does not exist; create it first");
            return 2;
        }
        if (Files.exists(file) && !CommandLine.flag(args, "--force")) {
            err.println("The file " + file + " exists already; name another file, or add --force to replace it");
            return 2;
        }
        long started = System.nanoTime();
        ConfigurableApplicationContext database;
        try {
            database = StandaloneDatabase.start(args);
        } catch (RuntimeException e) {
            CommandLine.fail(err, "Backup refused", e);
            return 2;
        }
        try (database) {
            Map<String, Path> secrets = SecretFiles.of(database.getEnvironment());
            out.println("Backing up " + where(database) + " to " + file);
            long copying = System.nanoTime();
            BackupManifest manifest = DatabaseDump.write(
                    database.getBean(DataSource.class), file, secrets, database.getBean(Clock.class), out);
            out.println("Backup written: " + file + " (" + CommandLine.bytes(Files.size(file)) + "): schema V"
                    + manifest.schemaVersion() + ", " + manifest.tables().size() + " tables, "
                    + CommandLine.count(manifest.rows()) + " rows, secret files "
                    + (manifest.files().isEmpty() ? "none" : String.join(" and ", manifest.files())) + "; took "
                    + CommandLine.since(started) + " (the database's start "
                    + CommandLine.seconds(java.time.Duration.ofNanos(copying - started)) + ", the dump "
                    + CommandLine.since(copying) + ")");
            if (SecretFiles.keyIsASetting(database.getEnvironment())) {
                out.println("The secret key is set by tidesk.secret-key (TIDESK_SECRET_KEY), not kept in a file:"
                        + " keep it safe apart from this backup");
            }
            return 0;
        } catch (Exception e) {
            CommandLine.fail(err, "Backup failed", e);
            return 1;
        }
    }

    static String where(ConfigurableApplicationContext database) {
        return StandaloneDatabase.embeddedDataDir(database.getEnvironment())
                .map(dir -> "the embedded database in " + dir)
                .orElseGet(() -> {
                    String url = database.getEnvironment().getProperty("spring.datasource.url");
                    // the address without its parameters, which may carry a password
                    return url == null || url.isBlank()
                            ? "a throw-away embedded database"
                            : "the database " + url.replaceFirst("[?;].*", "");
                });
    }
}
