package dev.tidesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.annotation.Transactional;

/**
 * A call on {@code this} skips the transactional proxy: a {@code @Scheduled} method that is not
 * transactional itself and calls a {@code @Transactional} method of its own class runs it without
 * a transaction (or, from a read-only job, inside a read-only one). That mistake has made outbox
 * mail resend forever and SLA warnings and deferral returns go unsaved; this rule fails the build
 * when it comes back, also through a private helper of the same class. A job that is
 * transactional itself covers what it calls.
 */
class ScheduledJobArchitectureTests {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.tidesk");

    static final ArchRule NO_SELF_INVOKED_TRANSACTIONS = methods()
            .that()
            .areAnnotatedWith(Scheduled.class)
            .should(notReachTransactionalMethodsOfTheirOwnClass())
            .because("a call on this skips the transactional proxy; use a TransactionTemplate or another bean");

    @Test
    void scheduledJobsNeverCallTransactionalMethodsOfTheirOwnClass() {
        NO_SELF_INVOKED_TRANSACTIONS.check(CLASSES);
    }

    /** The rule must see the mistake it is for, or it proves nothing. */
    @Test
    void theRuleCatchesASelfInvocationThroughAHelper() {
        JavaClasses broken = new ClassFileImporter().importClasses(BrokenJob.class);
        assertThat(NO_SELF_INVOKED_TRANSACTIONS.evaluate(broken).hasViolation()).isTrue();
        JavaClasses readOnly = new ClassFileImporter().importClasses(ReadOnlyJob.class);
        assertThat(NO_SELF_INVOKED_TRANSACTIONS.evaluate(readOnly).hasViolation())
                .isTrue();
        JavaClasses sound = new ClassFileImporter().importClasses(SoundJob.class);
        assertThat(NO_SELF_INVOKED_TRANSACTIONS.evaluate(sound).hasViolation()).isFalse();
    }

    /** With several nodes on one database, each job runs on one node at a time. */
    @Test
    void everyScheduledJobHoldsAClusterLock() {
        methods()
                .that()
                .areAnnotatedWith(Scheduled.class)
                .should()
                .beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
                .because("two nodes must not run the same job at once")
                .check(CLASSES);
    }

    /**
     * Every node's scheduler fires every job; the lock, held for at least the job's period, lets
     * one of them run it once per period (SeveralNodesTests counts the runs).
     */
    @Test
    void everyScheduledJobHoldsItsLockForAtLeastItsPeriod() {
        List<String> jobs = new java.util.ArrayList<>();
        for (JavaClass c : CLASSES) {
            for (JavaMethod m : c.getMethods()) {
                if (!m.isAnnotatedWith(Scheduled.class)) {
                    continue;
                }
                Scheduled scheduled = m.getAnnotationOfType(Scheduled.class);
                net.javacrumbs.shedlock.spring.annotation.SchedulerLock lock =
                        m.getAnnotationOfType(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class);
                jobs.add(m.getFullName());
                if (!scheduled.fixedDelayString().isEmpty()) {
                    assertThat(lock.lockAtLeastFor()).as(m.getFullName()).isEqualTo(scheduled.fixedDelayString());
                    assertThat(lock.lockAtMostFor()).as(m.getFullName()).isEqualTo(scheduled.fixedDelayString());
                } else {
                    assertThat(scheduled.cron()).as(m.getFullName()).isNotEmpty();
                    assertThat(lock.lockAtLeastFor()).as(m.getFullName()).isEqualTo("PT1M");
                }
            }
        }
        assertThat(jobs).hasSizeGreaterThanOrEqualTo(8);
    }

    @Test
    void everyScheduledJobIsFound() {
        // a rule that matches nothing passes; make sure it looks at Tidesk's jobs
        long jobs = CLASSES.stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class))
                .count();
        assertThat(jobs).isGreaterThanOrEqualTo(8);
    }

    private static ArchCondition<JavaMethod> notReachTransactionalMethodsOfTheirOwnClass() {
        return new ArchCondition<>("not call a @Transactional method of their own class") {
            @Override
            public void check(JavaMethod job, ConditionEvents events) {
                JavaClass owner = job.getOwner();
                Transactional covering = transactionOf(job);
                Set<JavaMethod> seen = new HashSet<>();
                Deque<JavaMethod> work = new ArrayDeque<>();
                work.add(job);
                while (!work.isEmpty()) {
                    JavaMethod method = work.pop();
                    if (!seen.add(method)) {
                        continue;
                    }
                    for (JavaMethodCall call : method.getMethodCallsFromSelf()) {
                        if (!call.getTargetOwner().equals(owner)) {
                            continue;
                        }
                        call.getTarget().resolveMember().ifPresent(target -> {
                            Transactional wanted = target.isAnnotatedWith(Transactional.class)
                                    ? target.getAnnotationOfType(Transactional.class)
                                    : null;
                            if (wanted != null && (covering == null || covering.readOnly() && !wanted.readOnly())) {
                                events.add(SimpleConditionEvent.violated(
                                        job,
                                        job.getFullName() + " calls " + target.getFullName() + " on this ("
                                                + call.getSourceCodeLocation() + ")"));
                            }
                            work.add(target);
                        });
                    }
                }
            }
        };
    }

    /** The transaction the scheduler's call starts: the method's own, else its class's, else none. */
    private static Transactional transactionOf(JavaMethod job) {
        if (job.isAnnotatedWith(Transactional.class)) {
            return job.getAnnotationOfType(Transactional.class);
        }
        return job.getOwner().isAnnotatedWith(Transactional.class)
                ? job.getOwner().getAnnotationOfType(Transactional.class)
                : null;
    }

    static class BrokenJob {
        @Scheduled(fixedDelay = 1000)
        public void run() {
            helper();
        }

        private void helper() {
            save();
        }

        @Transactional
        public void save() {}
    }

    @Transactional(readOnly = true)
    static class ReadOnlyJob {
        @Scheduled(fixedDelay = 1000)
        public void run() {
            save();
        }

        @Transactional
        public void save() {}
    }

    static class SoundJob {
        @Scheduled(fixedDelay = 1000)
        @Transactional
        public void run() {
            helper();
        }

        private void helper() {
            save();
        }

        @Transactional
        public void save() {}
    }
}
