package dev.tidesk.task;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TaskStatusTests {

    @ParameterizedTest(name = "{0} -> {1} on {2}: {3}")
    @CsvSource({
            "TODO, IN_PROGRESS, LIVE, true",
            "TODO, DONE, LIVE, false",
            "IN_PROGRESS, DONE, LIVE, true",
            "IN_PROGRESS, DONE, TEST, false",
            "IN_PROGRESS, ON_TEST_COPY, TEST, true",
            "IN_PROGRESS, ON_TEST_COPY, LIVE, false",
            "ON_TEST_COPY, AWAITING_CLIENT_ACCEPTANCE, TEST, true",
            "AWAITING_CLIENT_ACCEPTANCE, DEPLOYING, TEST, true",
            "AWAITING_CLIENT_ACCEPTANCE, IN_PROGRESS, TEST, true",
            "AWAITING_CLIENT_ACCEPTANCE, DONE, TEST, false",
            "DEPLOYING, DONE, TEST, true",
            "DEPLOYING, CANCELLED, TEST, false",
            "DONE, IN_PROGRESS, TEST, false",
            "CANCELLED, TODO, LIVE, false",
    })
    void transitions(TaskStatus from, TaskStatus to, Environment environment, boolean allowed) {
        assertThat(from.canMoveTo(to, environment)).isEqualTo(allowed);
    }
}
