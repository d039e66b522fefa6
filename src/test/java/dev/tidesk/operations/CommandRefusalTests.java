package dev.tidesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the operations commands refuse before they touch a database (exit 2, the reason in one line),
 * and the backup's manifest read back as written.
 */
class CommandRefusalTests {

    @TempDir
    Path dir;

    final BackupRestoreDrillTests.Output output = new BackupRestoreDrillTests.Output();

    @Test
    void backupNeedsAFileInAnExistingFolderAndKeepsAnExistingFileWithoutForce() throws IOException {
        assertThat(BackupCommand.execute(new String[] {"backup"}, output.out, output.err))
                .isEqualTo(2);
        assertThat(BackupCommand.execute(new String[] {"backup", "--to", "--force"}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("Usage: java -jar tidesk.jar backup --to FILE");

        assertThat(BackupCommand.execute(
                        new String[] {"backup", "--to=" + dir.resolve("missing/backup.zip")}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("missing does not exist");

        Path existing = Files.writeString(dir.resolve("last-night.zip"), "yesterday's");
        assertThat(BackupCommand.execute(new String[] {"backup", "--to", existing.toString()}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("exists already", "--force");
        assertThat(existing).hasContent("yesterday's");
    }

    @Test
    void restoreNeedsATideskBackup() throws IOException {
        assertThat(RestoreCommand.execute(new String[] {"restore"}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("Usage: java -jar tidesk.jar restore --from FILE");

        assertThat(RestoreCommand.execute(
                        new String[] {
                            "restore", "--from", dir.resolve("nowhere.zip").toString()
                        },
                        output.out,
                        output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("Restore refused: cannot read");

        Path other = dir.resolve("photos.zip");
        try (OutputStream out = Files.newOutputStream(other);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("photo.jpg"));
            zip.write(new byte[] {1, 2, 3});
            zip.closeEntry();
        }
        assertThat(RestoreCommand.execute(new String[] {"restore", "--from", other.toString()}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("is not a Tidesk backup");
    }

    @Test
    void migrateOnlyChecks() {
        assertThat(SchemaCheckCommand.execute(new String[] {"migrate"}, output.out, output.err))
                .isEqualTo(2);
        assertThat(output.text()).contains("a normal start applies the migrations");
    }

    @Test
    void theManifestReadsBackAsWritten() throws IOException {
        BackupManifest written = new BackupManifest(
                BackupManifest.FORMAT,
                Instant.parse("2026-12-06T10:00:00Z"),
                "444",
                "mail outbox pending age",
                "PostgreSQL 17.11",
                List.of(
                        new BackupManifest.Table("ticket", List.of("id", "tid", "subject"), 20_000, "create table x"),
                        new BackupManifest.Table("event_publication", List.of("id"), 0, "create table y (id uuid);\n")),
                List.of(new BackupManifest.Sequence("ticket_number_seq", 30_000, true)),
                List.of("tidesk-secret.key", "tidesk-db.password"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        written.write(bytes);

        BackupManifest read = BackupManifest.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(read).isEqualTo(written);
        assertThat(read.rows()).isEqualTo(20_000);

        String other = bytes.toString(StandardCharsets.ISO_8859_1).replace("format=1", "format=2");
        assertThatThrownBy(() ->
                        BackupManifest.read(new ByteArrayInputStream(other.getBytes(StandardCharsets.ISO_8859_1))))
                .hasMessageContaining("this Tidesk reads format 1");
    }
}
