package dev.tidesk.mail.trust;

import dev.tidesk.mail.SecretKeyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts secrets kept in the database (mailbox passwords). The secret comes from
 * {@code tidesk.secret-key} (any passphrase), else from a key file made on first start
 * ({@code tidesk.secret-key-file}, by default {@code tidesk-secret.key} next to the embedded
 * database's directory), else, with a throw-away database (tests), from a random key for this run.
 * <p>
 * Stored forms: {@code v2:<salt>:<hex>} is Spring Security's {@link Encryptors#delux} (AES-256-GCM
 * with a key derived by salted PBKDF2 from the secret, a fresh salt for every value); every new
 * value is written so. {@code v1:} + base64(nonce, ciphertext and tag) is the older form, AES-GCM
 * under an unsalted SHA-256 of the secret, still read. A value without a prefix is an older
 * plaintext value and reads as it is.
 */
@Component
public class SecretBox {

    static final String PREFIX = "v2:";
    static final String OLD_PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] raw;
    private final String secret;

    @Autowired
    public SecretBox(
            @Value("${tidesk.secret-key:}") String secret,
            @Value("${tidesk.secret-key-file:}") String keyFile,
            @Value("${tidesk.db.embedded.data-dir:}") String dataDir) {
        this(keyBytes(secret, keyFile, dataDir));
    }

    public SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.raw = key.clone();
        this.secret = Base64.getEncoder().encodeToString(key);
    }

    /**
     * A key for another purpose (signing markers, Message-IDs, reply addresses), derived from this
     * one: it is kept wherever the secret key is kept, and changes only with it.
     */
    byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(raw, "HmacSHA256"));
            return mac.doFinal(("tidesk:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] keyBytes(String secret, String keyFile, String dataDir) {
        if (StringUtils.hasText(secret)) {
            return sha256(secret.strip().getBytes(StandardCharsets.UTF_8));
        }
        Path file = SecretKeyFile.of(secret, keyFile, dataDir).orElse(null);
        if (file == null) {
            log.warn("No tidesk.secret-key and no data directory: secrets are encrypted with a key for this run only");
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            return random;
        }
        return fromFile(file);
    }

    /** Reads the key file, or writes a new random key there (readable by the owner only) on first start. */
    public static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                try {
                    Files.createFile(file);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // Windows: the directory's permissions apply
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n");
                    log.info("Generated the secret key file {}; back it up with the database", file);
                } catch (FileAlreadyExistsException raced) {
                    // another node made it first
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length != 32) {
                throw new IllegalStateException("The key file " + file + " does not hold a 256-bit key");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        String salt = KeyGenerators.string().generateKey();
        return PREFIX + salt + ":" + Encryptors.delux(secret, salt).encrypt(plain);
    }

    /** The plaintext; a value without the prefix is an older plaintext value and comes back as it is. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        if (stored.startsWith(PREFIX)) {
            int colon = stored.indexOf(':', PREFIX.length());
            try {
                return Encryptors.delux(secret, stored.substring(PREFIX.length(), colon))
                        .decrypt(stored.substring(colon + 1));
            } catch (RuntimeException e) {
                throw new IllegalStateException(
                        "A stored secret cannot be decrypted: wrong tidesk.secret-key or key file?", e);
            }
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(OLD_PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "A stored secret cannot be decrypted: wrong tidesk.secret-key or key file?", e);
        }
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && (stored.startsWith(PREFIX) || stored.startsWith(OLD_PREFIX));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
