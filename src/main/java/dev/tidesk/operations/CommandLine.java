package dev.tidesk.operations;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** What the operations commands share: their options, their durations, and errors told in one line. */
final class CommandLine {

    private CommandLine() {}

    /** The value of {@code --name VALUE} or {@code --name=VALUE}, or null. */
    static String option(String[] args, String name) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith(name + "=")) {
                return args[i].substring(name.length() + 1);
            }
            if (args[i].equals(name) && i + 1 < args.length) {
                return args[i + 1];
            }
        }
        return null;
    }

    static boolean flag(String[] args, String name) {
        for (String a : args) {
            if (a.equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** Seconds since {@code started} (a {@link System#nanoTime()}), as "1.4 s". */
    static String since(long started) {
        return seconds(Duration.ofNanos(System.nanoTime() - started));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    static String bytes(long n) {
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", n / 1024.0 / 1024.0);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The innermost message of a failure: what went wrong, without the layers of Spring around it. */
    static void fail(PrintStream err, String what, Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.toString();
        err.println(what + ": " + message);
    }
}
