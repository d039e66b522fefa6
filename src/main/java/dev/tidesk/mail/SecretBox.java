package dev.tidesk.mail;

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
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Encrypts secrets kept in the database (mailbox passwords) with AES-256-GCM. The key comes from
 * {@code tidesk.secret-key} (any passphrase, hashed to 256 bits), else from a key file made on first
 * start ({@code tidesk.secret-key-file}, by default {@code tidesk-secret.key} next to the embedded
 * database's directory), else, with a throw-away database (tests), from a random key for this run.
 * Stored form: {@code v1:} + base64(12-byte nonce, ciphertext and tag). A value without the prefix
 * is an older plaintext value and reads as it is.
 */
@Component
class SecretBox {

    static final String PREFIX = "v1:";
    private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final byte[] raw;

    @Autowired
    SecretBox(@Value("${tidesk.secret-key:}") String secret, @Value("${tidesk.secret-key-file:}") String keyFile,
            @Value("${tidesk.db.embedded.data-dir:}") String dataDir) {
        this(keyBytes(secret, keyFile, dataDir));
    }

    SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        this.raw = key.clone();
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

    static byte[] keyBytes(String secret, String keyFile, String dataDir) {
        if (StringUtils.hasText(secret)) {
            return sha256(secret.strip().getBytes(StandardCharsets.UTF_8));
        }
        Path file = StringUtils.hasText(keyFile) ? Path.of(keyFile)
                : StringUtils.hasText(dataDir) ? Path.of(dataDir).toAbsolutePath().normalize().resolveSibling("tidesk-secret.key")
                : null;
        if (file == null) {
            log.warn("No tidesk.secret-key and no data directory: secrets are encrypted with a key for this run only");
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            return random;
        }
        return fromFile(file);
    }

    /** Reads the key file, or writes a new random key there (readable by the owner only) on first start. */
    static byte[] fromFile(Path file) {
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

    String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; a value without the prefix is an older plaintext value and comes back as it is. */
    String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored secret cannot be decrypted: wrong tidesk.secret-key or key file?", e);
        }
    }

    static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
