package dev.tidesk.mail.inbound;

import dev.tidesk.mail.ImportResult;
import dev.tidesk.mail.InboundStatus;
import dev.tidesk.mail.InboundView;
import dev.tidesk.mail.MailIntake;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The import from the command line: {@code java -jar tidesk.jar --import-mail=PATH} takes an .eml
 * file, a zip of them, or a folder (searched for both) through the inbound pipeline, prints what
 * became of each message and exits (code 1 when any went to quarantine).
 */
@Component
class MailImportCommand implements ApplicationRunner {

    static final String OPTION = "import-mail";
    /** Acknowledge the requests the import opens, as for live mail; without it an import mails nobody. */
    static final String ACKNOWLEDGE = "import-acknowledge";

    private final MailIntake intake;
    private final ConfigurableApplicationContext context;

    MailImportCommand(MailIntake intake, ConfigurableApplicationContext context) {
        this.intake = intake;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!args.containsOption(OPTION)) {
            return;
        }
        int failed = 0;
        boolean acknowledge = args.containsOption(ACKNOWLEDGE);
        for (String path : args.getOptionValues(OPTION)) {
            failed += importPath(Path.of(path), System.out, acknowledge);
        }
        int code = failed > 0 ? 1 : 0;
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /** Imports and prints one line per message; returns how many went to quarantine. */
    int importPath(Path path, PrintStream out) throws IOException {
        return importPath(path, out, false);
    }

    int importPath(Path path, PrintStream out, boolean acknowledge) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(Files::isRegularFile)
                        .filter(p -> {
                            String n = p.getFileName().toString().toLowerCase();
                            return n.endsWith(".eml") || n.endsWith(".zip");
                        })
                        .sorted()
                        .toList();
            }
        } else {
            files = List.of(path);
        }
        int quarantined = 0;
        int total = 0;
        int duplicates = 0;
        for (Path file : files) {
            ImportResult result =
                    intake.importFile(file.getFileName().toString(), Files.readAllBytes(file), acknowledge);
            duplicates += result.duplicates();
            for (InboundView m : result.messages()) {
                total++;
                if (m.status() == InboundStatus.QUARANTINED || m.status() == InboundStatus.RECEIVED) {
                    quarantined++;
                }
                out.printf(
                        "%s\t#%d\t%s\t%s\tticket=%s\t%s%n",
                        file.getFileName(),
                        m.id(),
                        m.status(),
                        m.outcome() == null ? "-" : m.outcome(),
                        m.ticketId() == null ? "-" : m.ticketId(),
                        m.lastError() == null ? "" : m.lastError());
            }
        }
        out.printf("Imported %d messages (%d seen before), %d not processed%n", total, duplicates, quarantined);
        return quarantined;
    }
}
