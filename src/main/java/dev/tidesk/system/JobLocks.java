package dev.tidesk.system;

import java.time.Duration;
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
 * <p>
 * Once per period on any number of nodes: every node's scheduler fires each job, so a job's lock
 * is held for at least its period ({@code lockAtLeastFor}, the job's own interval, or a minute for
 * the daily jobs): the node that ran it first keeps the others out until the period is over. A
 * fixed-delay job declares its interval as its {@code lockAtMostFor} too, which is raised here to
 * {@link #SHORTEST} (the keep-alive needs more than 30 s): a node that dies holding a lock holds it
 * for one period, and never less than {@link #SHORTEST}. With the scheduler off
 * ({@code tidesk.scheduling.enabled=false}: the tests, which call the jobs themselves) there are no
 * periods, and each call runs.
 */
final class JobLocks implements LockProvider, AutoCloseable {

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-lock-keep-alive");
        t.setDaemon(true);
        return t;
    });
    static final Duration SHORTEST = Duration.ofSeconds(45);

    private final LockProvider locks;
    private final boolean scheduled;

    JobLocks(ExtensibleLockProvider database, boolean scheduled) {
        this.locks = new KeepAliveLockProvider(database, keepAlive);
        this.scheduled = scheduled;
    }

    @Override
    public Optional<SimpleLock> lock(LockConfiguration job) {
        Duration atMost = job.getLockAtMostFor().compareTo(SHORTEST) < 0 ? SHORTEST : job.getLockAtMostFor();
        Duration atLeast = scheduled ? job.getLockAtLeastFor() : Duration.ZERO;
        java.time.Instant created = job.getLockAtMostUntil().minus(job.getLockAtMostFor());
        return locks.lock(new LockConfiguration(created, job.getName(), atMost, atLeast));
    }

    @Override
    public void close() {
        keepAlive.shutdownNow();
    }
}
