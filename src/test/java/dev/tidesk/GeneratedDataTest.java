package dev.tidesk;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Tests that fill the database with the data generator (thousands of requests, open ones among
 * them, with their staff and routing rows): one application context of their own, so that the
 * generated requests never reach the queues, reports and statement budgets other tests look at.
 * A real HTTP port, for the load harness. Each test writes under a mail domain of its own.
 */
@Tag("integration")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class GeneratedDataTest {}
