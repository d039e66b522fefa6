package dev.tidesk.mail;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.util.StringUtils;

/**
 * Where Tidesk keeps its secret key (the one that encrypts stored IMAP passwords and signs what it
 * writes into mail): {@code tidesk.secret-key-file}, else {@code tidesk-secret.key} beside the embedded
 * database's data folder. None when {@code tidesk.secret-key} (or {@code TIDESK_SECRET_KEY}) gives
 * the secret itself, or when there is neither a file nor a data folder.
 */
public final class SecretKeyFile {

    /** The key file's name beside the data folder. */
    public static final String NAME = "tidesk-secret.key";

    private SecretKeyFile() {}

    /**
     * The key file the settings point at.
     *
     * @param secret  {@code tidesk.secret-key}
     * @param keyFile {@code tidesk.secret-key-file}
     * @param dataDir {@code tidesk.db.embedded.data-dir}
     */
    public static Optional<Path> of(String secret, String keyFile, String dataDir) {
        if (StringUtils.hasText(secret)) {
            return Optional.empty();
        }
        if (StringUtils.hasText(keyFile)) {
            return Optional.of(Path.of(keyFile));
        }
        if (StringUtils.hasText(dataDir)) {
            return Optional.of(Path.of(dataDir).toAbsolutePath().normalize().resolveSibling(NAME));
        }
        return Optional.empty();
    }
}
