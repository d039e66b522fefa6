package dev.tidesk.operations;

import dev.tidesk.mail.SecretKeyFile;
import dev.tidesk.system.StandaloneDatabase;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The files Tidesk keeps beside its data that a backup must carry, by the name they have in it: the
 * secret key ({@code tidesk-secret.key}: stored IMAP passwords, the signatures in mail) and the
 * embedded database's password ({@code tidesk-db.password}).
 */
final class SecretFiles {

    static final String DATABASE_PASSWORD = "tidesk-db.password";

    private SecretFiles() {}

    static Map<String, Path> of(Environment environment) {
        Map<String, Path> files = new LinkedHashMap<>();
        keyFile(environment).ifPresent(f -> files.put(SecretKeyFile.NAME, f));
        StandaloneDatabase.embeddedDataDir(environment)
                .ifPresent(dir -> files.put(DATABASE_PASSWORD, StandaloneDatabase.passwordFile(dir)));
        return files;
    }

    static Optional<Path> keyFile(Environment environment) {
        return SecretKeyFile.of(
                environment.getProperty("tidesk.secret-key"),
                environment.getProperty("tidesk.secret-key-file"),
                environment.getProperty("tidesk.db.embedded.data-dir"));
    }

    /** Whether the secret key is given as a setting ({@code TIDESK_SECRET_KEY}) rather than kept in a file. */
    static boolean keyIsASetting(Environment environment) {
        return StringUtils.hasText(environment.getProperty("tidesk.secret-key"));
    }
}
