package dev.tidesk.mail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.tidesk.MailTest;
import dev.tidesk.TestData.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line import takes a folder of .eml files through the pipeline, once. */
class MailImportCommandTests extends MailTest {

    @Autowired
    MailImportCommand command;

    @Test
    void importsAFolderAndSkipsWhatWasImportedBefore(@TempDir Path dir) throws Exception {
        Client client = data.client();
        for (int i = 0; i < 3; i++) {
            Files.writeString(dir.resolve("m" + i + ".eml"), "From: " + client.login() + "\r\nSubject: CLI " + i
                    + "\r\nMessage-ID: <cli-" + i + "-" + System.nanoTime() + "@client.example>\r\n\r\nbody\r\n");
        }
        Files.writeString(dir.resolve("notes.txt"), "not a mail");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(command.importPath(dir, new PrintStream(out, true, StandardCharsets.UTF_8))).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported 3 messages (0 seen before)");

        ByteArrayOutputStream again = new ByteArrayOutputStream();
        command.importPath(dir, new PrintStream(again, true, StandardCharsets.UTF_8));
        assertThat(again.toString(StandardCharsets.UTF_8)).contains("Imported 3 messages (3 seen before)");
    }
}
