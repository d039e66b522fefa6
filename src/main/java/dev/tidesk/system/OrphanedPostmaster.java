package dev.tidesk.system;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as a process of its own. When the JVM dies without stopping it
 * ({@code kill -9}, an out-of-memory kill), the postmaster goes on serving the data folder, and
 * the next start would fail on its {@code postmaster.pid}. Before starting, this finds such an
 * orphan and stops it.
 * <p>
 * A postmaster is taken for an orphan only when no living Tidesk holds the data folder: the
 * embedded-database library keeps a file lock ({@code epg-lock}) on it for the life of the JVM
 * that started the server, and the operating system releases that lock when the JVM dies. The
 * process must also be a {@code postgres} started on this very folder.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    static final String LOCK_FILE = "epg-lock";
    private static final Duration SMART_STOP = Duration.ofSeconds(20);
    private static final Duration FAST_STOP = Duration.ofSeconds(20);

    private OrphanedPostmaster() {}

    /** Stops a postmaster left running on {@code dataDir} by a JVM that is gone; does nothing otherwise. */
    static void stopIfAny(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        if (heldByLivingProcess(dataDir.resolve(LOCK_FILE))) {
            throw new IllegalStateException(inUseMessage(dataDir));
        }
        Optional<ProcessHandle> postmaster = postmasterOf(pidFile, dataDir);
        if (postmaster.isEmpty()) {
            // a pid file left by a power cut: PostgreSQL itself recovers from it
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn(
                "The embedded PostgreSQL (pid {}) was left running on {} by a Tidesk that stopped without"
                        + " shutting it down; stopping it before starting again",
                process.pid(),
                dataDir);
        // SIGTERM is PostgreSQL's smart shutdown: its clients are gone with the old JVM
        process.destroy();
        if (!waitForExit(process, SMART_STOP)) {
            // SIGINT is its fast shutdown: roll back what is open, write a checkpoint, exit
            signal(process.pid(), "INT");
            if (!waitForExit(process, FAST_STOP)) {
                throw new IllegalStateException("The PostgreSQL left running on " + dataDir + " (pid " + process.pid()
                        + ") does not stop; stop it by hand and start Tidesk again");
            }
        }
        log.info("Stopped the orphaned PostgreSQL (pid {})", process.pid());
    }

    /** Whether a living Tidesk runs its PostgreSQL on {@code dataDir} (as {@link #stopIfAny} would refuse). */
    static boolean inUse(Path dataDir) throws IOException {
        return Files.isRegularFile(dataDir.resolve("postmaster.pid"))
                && heldByLivingProcess(dataDir.resolve(LOCK_FILE));
    }

    static String inUseMessage(Path dataDir) {
        return "The embedded database in " + dataDir
                + " is in use by another running Tidesk; stop that one first, or give this one its own"
                + " tidesk.db.embedded.data-dir";
    }

    /** The first line of {@code postmaster.pid} is the postmaster's pid; it counts only when that process is ours. */
    static Optional<ProcessHandle> postmasterOf(Path pidFile, Path dataDir) throws IOException {
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOn(p, dataDir));
    }

    private static boolean isPostgresOn(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        boolean postgres = info.command()
                .map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                .orElse(false);
        // the library starts it as "postgres -D <folder> ..."; without a readable command line the name must do
        return postgres
                && info.commandLine()
                        .map(line -> line.contains(dataDir.toString()))
                        .orElse(true);
    }

    /** Whether another living process (another Tidesk) holds the library's lock on the data folder. */
    private static boolean heldByLivingProcess(Path lockFile) throws IOException {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileChannel channel = file.getChannel()) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // this very JVM has it open
        }
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void signal(long pid, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
                    .inheritIO()
                    .start()
                    .waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.warn("Could not signal process {}: {}", pid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
