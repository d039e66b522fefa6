package dev.tidesk.api;

import dev.tidesk.audit.AuditAction;
import dev.tidesk.audit.AuditLog;
import dev.tidesk.contract.ledger.MonthlyClose;
import dev.tidesk.shared.DomainException;
import java.io.PrintStream;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar tidesk.jar close-months --up-to 2026-10}: starts Tidesk without the web server on
 * the configured database, closes every open month up to and including the one given through the
 * monthly close itself (as the admins' "close past months" and {@code POST /api/v1/months/close}),
 * records it in the audit log as done from the command line, prints what it closed and exits: 0 when
 * done (also when there was nothing left to close), 2 for a missing, malformed or future month.
 */
@Component
@Order(100)
public class CloseMonthsCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String COMMAND = "close-months";
    static final String ACTOR = "command line";

    private final MonthlyClose monthlyClose;
    private final AuditLog audit;
    private volatile int exitCode;

    CloseMonthsCommand(MonthlyClose monthlyClose, AuditLog audit) {
        this.monthlyClose = monthlyClose;
        this.audit = audit;
    }

    /** Whether the command line asks for this command. */
    public static boolean requested(String[] args) {
        return args.length > 0 && COMMAND.equals(args[0]);
    }

    /** Runs the command in a context without a web server and exits the JVM with its status. */
    public static void run(Class<?> application, String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties("tidesk.demo=false")
                .run(args);
        System.exit(SpringApplication.exit(context));
    }

    @Override
    public void run(ApplicationArguments args) {
        if (args.getNonOptionArgs().isEmpty() || !COMMAND.equals(args.getSourceArgs()[0])) {
            return;
        }
        exitCode = execute(
                Arrays.asList(args.getSourceArgs()).subList(1, args.getSourceArgs().length), System.out, System.err);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * Closes the months the arguments ask for ({@code --up-to 2026-10} or {@code --up-to=2026-10}),
     * printing the outcome to {@code out} or the reason for refusing to {@code err}.
     *
     * @return the exit code: 0 done, 2 refused
     */
    int execute(List<String> args, PrintStream out, PrintStream err) {
        String upTo = upTo(args);
        if (upTo == null) {
            err.println("Usage: java -jar tidesk.jar close-months --up-to YYYY-MM (the latest closable month is "
                    + monthlyClose.lastClosable() + ")");
            return 2;
        }
        YearMonth last;
        try {
            last = MonthCloseApi.month(upTo);
        } catch (DomainException e) {
            err.println(e.getMessage());
            return 2;
        }
        int closed;
        try {
            closed = monthlyClose.closeUpTo(last);
        } catch (DomainException e) {
            err.println(e.getMessage() + " (the latest closable month is " + monthlyClose.lastClosable() + ")");
            return 2;
        }
        audit.record(
                ACTOR, AuditAction.MONTHS_CLOSED, "up to " + last, closed + " contract months closed (command line)");
        out.println("Closed the months up to " + last + ": " + closed + " contract months closed now");
        return 0;
    }

    private static String upTo(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--up-to=")) {
                return a.substring("--up-to=".length());
            }
            if (a.equals("--up-to") && i + 1 < args.size()) {
                return args.get(i + 1);
            }
        }
        return null;
    }
}
