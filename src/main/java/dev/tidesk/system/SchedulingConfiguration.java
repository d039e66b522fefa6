package dev.tidesk.system;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The background jobs (outbox sender, mailbox poller, SLA watch, monthly close, ...). On unless
 * {@code tidesk.scheduling.enabled=false}: the tests turn them off and call the jobs' beans
 * themselves, so no job fires in the middle of another test; the tests of the scheduler itself
 * turn them on.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tidesk.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
