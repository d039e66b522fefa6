package dev.tidesk.operations;

import dev.tidesk.system.StandaloneDatabase;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar tidesk.jar migrate --check}: before an upgrade, prints the configured database's
 * schema version and every migration this Tidesk would apply on its next start (version and
 * description), and applies nothing. Exits 0 when nothing is pending, 3 when migrations are pending
 * (an empty database included), 4 when the database was migrated by a newer Tidesk than this one
 * (which would refuse to start on it), 2 when refused (Tidesk running on the embedded data folder)
 * or called without {@code --check}, 1 when it failed.
 */
public final class SchemaCheckCommand {

    static final String COMMAND = "migrate";
    static final int PENDING = 3;
    static final int NEWER = 4;

    private SchemaCheckCommand() {}

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
        if (!CommandLine.flag(args, "--check")) {
            err.println("Usage: java -jar tidesk.jar migrate --check (a normal start applies the migrations;"
                    + " --check only lists them)");
            return 2;
        }
        ConfigurableApplicationContext database;
        try {
            database = StandaloneDatabase.start(args);
        } catch (RuntimeException e) {
            CommandLine.fail(err, "Check refused", e);
            return 2;
        }
        try (database) {
            Flyway flyway = Flyway.configure()
                    .dataSource(database.getBean(DataSource.class))
                    .locations(database.getEnvironment()
                            .getProperty("spring.flyway.locations", "classpath:db/migration")
                            .split(","))
                    .load();
            return report(flyway.info(), BackupCommand.where(database), out);
        } catch (Exception e) {
            CommandLine.fail(err, "Check failed", e);
            return 1;
        }
    }

    static int report(MigrationInfoService info, String where, PrintStream out) {
        MigrationInfo current = info.current();
        List<MigrationInfo> newer = Arrays.stream(info.all())
                .filter(m ->
                        m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .toList();
        String known = Arrays.stream(info.all())
                .filter(m -> m.getVersion() != null && m.getState().isResolved())
                .reduce((a, b) -> b)
                .map(m -> "V" + m.getVersion())
                .orElse("none");
        out.println("Database: " + where);
        out.println("Schema version: "
                + (current == null
                        ? "none (an empty database)"
                        : "V" + current.getVersion() + " (" + current.getDescription() + ")")
                + "; this Tidesk's latest migration: " + known);
        if (!newer.isEmpty()) {
            out.println("The database was migrated by a newer Tidesk (" + newer.size()
                    + " migrations this version does not know, up to V"
                    + newer.get(newer.size() - 1).getVersion() + "): this version will not start on it");
            return NEWER;
        }
        MigrationInfo[] pending = info.pending();
        if (pending.length == 0) {
            out.println("Nothing to migrate: a start applies no migration");
            return 0;
        }
        out.println(pending.length + " migrations pending; the next start applies them in this order:");
        for (MigrationInfo m : pending) {
            out.println("  V" + m.getVersion() + "  " + m.getDescription());
        }
        return PENDING;
    }
}
