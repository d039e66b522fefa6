package dev.tidesk.generator;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar tidesk.jar generate --orgs 1000 --requests 1000000 [--seed 42] [--until 2025-06-01]}:
 * starts Tidesk without the web server on the configured database (the embedded one under
 * {@code ./data} unless {@code TIDESK_DB_URL} is set), migrates it, generates the data and exits.
 * With {@code --contracts-only} it adds contracts, SLA clocks, norm-hours, tasks and deferrals to
 * requests generated earlier.
 */
@Component
@Order(100)
public class GenerateCommand implements ApplicationRunner {

    static final String COMMAND = "generate";

    private final DataGenerator generator;

    GenerateCommand(DataGenerator generator) {
        this.generator = generator;
    }

    /** Whether the command line asks for the generator. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the generator in a context without a web server and exits the JVM with its status. */
    public static void run(Class<?> application, String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("tidesk.generate=true", "tidesk.demo=false")
                .run(args);
        System.exit(SpringApplication.exit(context));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) {
            return;
        }
        List<String> raw = Arrays.asList(args.getSourceArgs());
        GeneratorOptions options = GeneratorOptions.parse(raw.subList(1, raw.size()));
        if (raw.contains("--contracts-only")) {
            generator.addContractsAndWork(options, System.out);
        } else {
            generator.generate(options, System.out);
        }
    }
}
