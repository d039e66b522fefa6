package dev.tidesk.system;

import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.javacrumbs.shedlock.core.ExtensibleLockProvider;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;

/**
 * The locks of scheduled jobs: ShedLock's locks in the database, extended every half of their
 * {@code lockAtMostFor} while the job runs. Its own thread, not a bean, so Spring's task
 * scheduler stays the one that runs the jobs.
 */
final class JobLocks implements LockProvider, AutoCloseable {

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-lock-keep-alive");
        t.setDaemon(true);
        return t;
    });
    private final LockProvider locks;

    JobLocks(ExtensibleLockProvider database) {
        this.locks = new KeepAliveLockProvider(database, keepAlive);
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration configuration) {
        return locks.lock(configuration);
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
    }
}
