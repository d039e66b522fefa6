package dev.tidesk;

import dev.tidesk.api.CloseMonthsCommand;
import dev.tidesk.generator.GenerateCommand;
import dev.tidesk.operations.BackupCommand;
import dev.tidesk.operations.RestoreCommand;
import dev.tidesk.operations.SchemaCheckCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tidesk: a helpdesk for companies that support their clients' websites on a monthly subscription.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TideskApplication {

    public static void main(String[] args) {
        if (GenerateCommand.requested(args)) {
            GenerateCommand.run(TideskApplication.class, args);
            return;
        }
        if (CloseMonthsCommand.requested(args)) {
            CloseMonthsCommand.run(TideskApplication.class, args);
            return;
        }
        // the database commands start the configured database alone, not the application
        if (BackupCommand.requested(args)) {
            BackupCommand.run(args);
            return;
        }
        if (RestoreCommand.requested(args)) {
            RestoreCommand.run(args);
            return;
        }
        if (SchemaCheckCommand.requested(args)) {
            SchemaCheckCommand.run(args);
            return;
        }
        SpringApplication.run(TideskApplication.class, args);
    }
}
