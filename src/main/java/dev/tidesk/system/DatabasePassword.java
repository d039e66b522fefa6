package dev.tidesk.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's library creates its cluster with {@code trust} for every local
 * connection, so any local user could sign in as the superuser and read everything. Tidesk gives
 * the cluster a random password on first start, keeps it beside the data folder readable by its
 * owner only (like the secret key; back both up with the data), and then requires it (SCRAM) for
 * every connection, over TCP and the Unix socket. A data folder made by an older Tidesk gets its
 * password the same way on its next start.
 */
final class DatabasePassword {

    private static final Logger log = LoggerFactory.getLogger(DatabasePassword.class);
    static final String FILE = "tidesk-db.password";
    static final String MARK = "# Tidesk: every connection needs the password kept in " + FILE;
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {}

    /** The password file beside the data folder. */
    static Path fileFor(Path dataDir) {
        return dataDir.resolveSibling(FILE);
    }

    /** Reads the password, or makes a new random one, created owner-only from the start. */
    static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] random = new byte[24];
            RANDOM.nextBytes(random);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                try {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException notPosix) {
                    Files.createFile(file);
                }
                Files.writeString(file, fresh + "\n", StandardCharsets.US_ASCII);
                log.info("Generated the embedded database's password in {}; back it up with the data", file);
            } catch (FileAlreadyExistsException raced) {
                // another start made it first
            }
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!password.matches("[A-Za-z0-9_-]{16,}")) {
            throw new IllegalStateException("The file " + file + " does not hold a database password");
        }
        return password;
    }

    /** Whether the cluster already requires the password. */
    static boolean required(Path dataDir) throws IOException {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.exists(hba)
                && Files.readString(hba, StandardCharsets.UTF_8).contains(MARK);
    }

    /** Sets the password (while the cluster still trusts local connections) and then requires it. */
    static void require(EmbeddedPostgres postgres, Path dataDir, String password) throws IOException, SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("alter role postgres password '" + password + "'");
            Files.writeString(
                    dataDir.resolve("pg_hba.conf"),
                    MARK + "\n"
                            + "local all all scram-sha-256\n"
                            + "host  all all 127.0.0.1/32 scram-sha-256\n"
                            + "host  all all ::1/128 scram-sha-256\n",
                    StandardCharsets.UTF_8);
            s.execute("select pg_reload_conf()");
        }
        log.info("The embedded database now requires its password for every connection");
    }
}
