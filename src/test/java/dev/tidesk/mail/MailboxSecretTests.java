package dev.tidesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tidesk.MailTest;
import dev.tidesk.mail.inbound.MailboxRepository;
import dev.tidesk.mail.trust.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Mailbox passwords are AES-GCM encrypted in the database; older plaintext ones read and get encrypted. */
class MailboxSecretTests extends MailTest {

    @Autowired
    Mailboxes mailboxes;

    @Autowired
    MailboxRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    String stored(long id) {
        return jdbc.queryForObject("select password from mail_mailbox where id = ?", String.class, id);
    }

    @Test
    void aPasswordIsStoredEncryptedAndReadBackForThePoller() {
        MailboxView box = mailboxes.add(new MailboxSettings(
                "secret-" + System.nanoTime(),
                "imap.example",
                993,
                true,
                "support",
                "Пароль-very-secret-1",
                "INBOX",
                null,
                60,
                true));
        assertThat(stored(box.id())).startsWith("v2:").doesNotContain("very-secret");
        assertThat(repository.findById(box.id()).orElseThrow().getPassword()).isEqualTo("Пароль-very-secret-1");

        // a change without a password keeps the stored one
        mailboxes.change(
                box.id(),
                new MailboxSettings(box.name(), "imap.example", 993, true, "support", "", "INBOX", null, 120, true));
        assertThat(repository.findById(box.id()).orElseThrow().getPassword()).isEqualTo("Пароль-very-secret-1");
    }

    @Test
    void anOlderPlaintextPasswordReadsAsItIsAndIsEncryptedAtStart() {
        MailboxView box = mailboxes.add(new MailboxSettings(
                "legacy-" + System.nanoTime(), "imap.example", 993, true, "support", "x", "INBOX", null, 60, true));
        jdbc.update("update mail_mailbox set password = 'legacy-plain-pw' where id = ?", box.id());
        assertThat(repository.findById(box.id()).orElseThrow().getPassword()).isEqualTo("legacy-plain-pw");

        assertThat(mailboxes.encryptPlaintextPasswords()).isGreaterThanOrEqualTo(1);
        assertThat(stored(box.id())).startsWith("v2:").doesNotContain("legacy-plain-pw");
        assertThat(repository.findById(box.id()).orElseThrow().getPassword()).isEqualTo("legacy-plain-pw");
        assertThat(mailboxes.encryptPlaintextPasswords()).isZero();
    }

    @Test
    void theKeyFileIsMadeOnFirstStartOwnerOnlyAndReusedAfter(@TempDir Path dir) throws Exception {
        Path dataDir = dir.resolve("postgres");
        byte[] first = SecretBox.keyBytes("", "", dataDir.toString());
        Path file = dir.resolve("tidesk-secret.key");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(SecretBox.keyBytes("", "", dataDir.toString())).isEqualTo(first);

        SecretBox box = new SecretBox(first);
        String a = box.encrypt("pw");
        assertThat(a).isNotEqualTo(box.encrypt("pw"));
        assertThat(new SecretBox(SecretBox.keyBytes("", "", dataDir.toString())).decrypt(a))
                .isEqualTo("pw");
        SecretBox other = new SecretBox(SecretBox.keyBytes("another passphrase", "", dataDir.toString()));
        assertThatThrownBy(() -> other.decrypt(a)).isInstanceOf(IllegalStateException.class);
        String tampered = a.substring(0, a.length() - 4) + (a.endsWith("0000") ? "1111" : "0000");
        assertThatThrownBy(() -> box.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
    }

    /** The salted form replaced one keyed by a bare SHA-256 of the passphrase; values stored so still read. */
    @Test
    void aValueStoredInTheOlderFormStillReadsAndEachNewValueHasItsOwnSalt() throws Exception {
        byte[] key = SecretBox.keyBytes("старая фраза", "", "");
        byte[] nonce = new byte[12];
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(
                        java.security.MessageDigest.getInstance("SHA-256")
                                .digest("старая фраза".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, nonce));
        byte[] sealed = cipher.doFinal("imap-pw".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        byte[] v1 = new byte[12 + sealed.length];
        System.arraycopy(sealed, 0, v1, 12, sealed.length);
        String older = "v1:" + java.util.Base64.getEncoder().encodeToString(v1);

        SecretBox box = new SecretBox(key);
        assertThat(SecretBox.isEncrypted(older)).isTrue();
        assertThat(box.decrypt(older)).isEqualTo("imap-pw");

        String a = box.encrypt("imap-pw");
        String b = box.encrypt("imap-pw");
        assertThat(a.split(":")[1]).as("salt").hasSize(16).isNotEqualTo(b.split(":")[1]);
        assertThat(box.decrypt(b)).isEqualTo("imap-pw");
    }
}
