package dev.tidesk.operations;

import dev.tidesk.mail.SecretKeyFile;
import dev.tidesk.system.StandaloneDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar tidesk.jar restore --from FILE [--force]}: puts a backup made by {@code backup}
 * back into the configured database (see {@link DatabaseLoad}) and its secret files back beside the
 * data folder, with Tidesk stopped. A database that holds anything is replaced only with
 * {@code --force}. The schema is left at the backup's version; the next start of Tidesk migrates it
 * further as after any upgrade. Exits 0 when restored, 2 when refused, 1 when it failed.
 */
public final class RestoreCommand {

    static final String COMMAND = "restore";

    private RestoreCommand() {}

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
        String from = CommandLine.option(args, "--from");
        if (from == null || from.startsWith("--")) {
            err.println("Usage: java -jar tidesk.jar restore --from FILE [--force] (Tidesk stopped)");
            return 2;
        }
        Path file = Path.of(from).toAbsolutePath().normalize();
        boolean force = CommandLine.flag(args, "--force");
        long started = System.nanoTime();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
            if (entry == null) {
                err.println("Restore refused: " + file + " is not a Tidesk backup (no " + BackupManifest.ENTRY + ")");
                return 2;
            }
            BackupManifest manifest;
            try (InputStream in = zip.getInputStream(entry)) {
                manifest = BackupManifest.read(in);
            }
            out.println("Backup " + file + ": made " + manifest.created() + ", schema V" + manifest.schemaVersion()
                    + ", " + manifest.tables().size() + " tables, " + CommandLine.count(manifest.rows()) + " rows");
            return restore(args, zip, manifest, force, started, out, err);
        } catch (IOException e) {
            CommandLine.fail(err, "Restore refused: cannot read " + file, e);
            return 2;
        }
    }

    private static int restore(
            String[] args,
            ZipFile zip,
            BackupManifest manifest,
            boolean force,
            long started,
            PrintStream out,
            PrintStream err) {
        ConfigurableApplicationContext database;
        try {
            database = StandaloneDatabase.start(withPasswordOfFreshFolder(args, zip, manifest, out));
        } catch (IOException | RuntimeException e) {
            CommandLine.fail(err, "Restore refused", e);
            return 2;
        }
        try (database) {
            Environment environment = database.getEnvironment();
            DataSource dataSource = database.getBean(DataSource.class);
            String target = BackupCommand.where(database);
            try (Connection c = dataSource.getConnection()) {
                String contents = DatabaseLoad.contents(c);
                if (contents != null && !force) {
                    err.println("Restore refused: " + target + " is not empty (" + contents
                            + "). Add --force to replace everything in it with the backup.");
                    return 2;
                }
                if (contents != null) {
                    DatabaseLoad.empty(c);
                    out.println("Dropped what " + target + " held (" + contents + "), as --force asked");
                }
            }
            long step = System.nanoTime();
            int migrations = DatabaseLoad.migrate(
                    dataSource,
                    environment
                            .getProperty("spring.flyway.locations", "classpath:db/migration")
                            .split(","),
                    manifest.schemaVersion());
            out.println("Created the schema of V" + manifest.schemaVersion() + " (" + migrations + " migrations) in "
                    + target + ", " + CommandLine.since(step));
            step = System.nanoTime();
            DatabaseLoad.load(dataSource, zip, manifest, out);
            out.println("Loaded " + CommandLine.count(manifest.rows()) + " rows into "
                    + manifest.tables().size() + " tables and set "
                    + manifest.sequences().size() + " sequences, " + CommandLine.since(step));
            restoreKey(environment, zip, manifest, out);
            out.println("Restored in " + CommandLine.since(started) + ". Start Tidesk as usual: it migrates the"
                    + " database from V" + manifest.schemaVersion() + " if this version is newer.");
            return 0;
        } catch (Exception e) {
            CommandLine.fail(err, "Restore failed", e);
            return 1;
        }
    }

    /**
     * A data folder without a cluster yet is created by this restore: it gets the backup's database
     * password, put in place before the database starts. An existing cluster keeps its own.
     */
    private static String[] withPasswordOfFreshFolder(
            String[] args, ZipFile zip, BackupManifest manifest, PrintStream out) throws IOException {
        if (!manifest.files().contains(SecretFiles.DATABASE_PASSWORD)) {
            return args;
        }
        Optional<Path> dir = StandaloneDatabase.embeddedDataDir(StandaloneDatabase.settings(args));
        if (dir.isEmpty()) {
            return args;
        }
        Path password = StandaloneDatabase.passwordFile(dir.get());
        if (StandaloneDatabase.holdsCluster(dir.get())) {
            out.println("Kept the database password of the existing data folder (" + password + ")");
            return args;
        }
        writeOwnerOnly(zip, "files/" + SecretFiles.DATABASE_PASSWORD, password);
        out.println("Put back the database password: " + password);
        return args;
    }

    /** The backup's secret key goes where this installation keeps its key; a different key there is kept aside. */
    private static void restoreKey(Environment environment, ZipFile zip, BackupManifest manifest, PrintStream out)
            throws IOException {
        if (!manifest.files().contains(SecretKeyFile.NAME)) {
            out.println("The backup holds no secret key file (the key was a setting, TIDESK_SECRET_KEY): set the same"
                    + " key before starting, or stored IMAP passwords must be typed again");
            return;
        }
        Optional<Path> target = SecretFiles.keyFile(environment);
        if (SecretFiles.keyIsASetting(environment) || target.isEmpty()) {
            out.println("The secret key is set by tidesk.secret-key here, so the backup's key file is not used");
            return;
        }
        Path key = target.get();
        byte[] backup;
        try (InputStream in = zip.getInputStream(zip.getEntry("files/" + SecretKeyFile.NAME))) {
            backup = in.readAllBytes();
        }
        if (Files.exists(key) && Arrays.equals(Files.readAllBytes(key), backup)) {
            out.println("The secret key file is the backup's already: " + key);
            return;
        }
        if (Files.exists(key)) {
            Path aside = key.resolveSibling(key.getFileName() + ".before-restore");
            Files.move(key, aside, StandardCopyOption.REPLACE_EXISTING);
            out.println("Moved the other secret key aside: " + aside);
        }
        writeOwnerOnly(zip, "files/" + SecretKeyFile.NAME, key);
        out.println("Put back the secret key: " + key);
    }

    private static void writeOwnerOnly(ZipFile zip, String entry, Path file) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        if (!Files.exists(folder)) {
            try {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(folder);
            }
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        try (InputStream in = zip.getInputStream(zip.getEntry(entry))) {
            Files.write(file, in.readAllBytes());
        }
    }
}
