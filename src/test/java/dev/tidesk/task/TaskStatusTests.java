package dev.tidesk.task;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    /** The row's buttons, by status and environment, as a support agent sees them. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            TODO                       | LIVE | START, CANCEL
            TODO                       | TEST | START, CANCEL
            IN_PROGRESS                | LIVE | COMPLETE, CANCEL
            IN_PROGRESS                | TEST | READY, CANCEL
            ON_TEST_COPY               | TEST | CANCEL
            AWAITING_CLIENT_ACCEPTANCE | TEST | CANCEL
            DEPLOYING                  | TEST | COMPLETE
            DONE                       | LIVE | ''
            CANCELLED                  | TEST | ''
            """)
    void theActionsOfATaskRow(TaskStatus status, Environment environment, String expected) {
        java.util.Set<TaskAction> wanted = expected.isBlank()
                ? java.util.EnumSet.noneOf(TaskAction.class)
                : java.util.Arrays.stream(expected.split(",\\s*"))
                        .map(TaskAction::valueOf)
                        .collect(java.util.stream.Collectors.toCollection(
                                () -> java.util.EnumSet.noneOf(TaskAction.class)));
        assertThat(status.allowedActions(environment)).isEqualTo(wanted);
    }

    /** No button offers a move the workflow refuses. */
    @org.junit.jupiter.api.Test
    void everyActionOfferedIsAnAllowedTransition() {
        for (TaskStatus status : TaskStatus.values()) {
            for (Environment environment : Environment.values()) {
                for (TaskAction action : status.allowedActions(environment)) {
                    assertThat(status.canMoveTo(action.target(), environment))
                            .as("%s from %s on %s", action, status, environment)
                            .isTrue();
                }
            }
        }
    }
}
