package dev.tidesk.task;

import java.util.EnumSet;
import java.util.Set;

/** Where a task stands; {@link #canMoveTo} is the one table of allowed transitions. */
public enum TaskStatus {
    TODO,
    IN_PROGRESS,
    ON_TEST_COPY,
    AWAITING_CLIENT_ACCEPTANCE,
    DEPLOYING,
    DONE,
    CANCELLED;

    public boolean canMoveTo(TaskStatus target, Environment environment) {
        return next(environment).contains(target);
    }

    public Set<TaskStatus> next(Environment environment) {
        boolean test = environment == Environment.TEST;
        return switch (this) {
            case TODO -> EnumSet.of(IN_PROGRESS, CANCELLED);
            case IN_PROGRESS -> test ? EnumSet.of(ON_TEST_COPY, CANCELLED) : EnumSet.of(DONE, CANCELLED);
            case ON_TEST_COPY ->
                test
                        ? EnumSet.of(AWAITING_CLIENT_ACCEPTANCE, IN_PROGRESS, CANCELLED)
                        : EnumSet.noneOf(TaskStatus.class);
            case AWAITING_CLIENT_ACCEPTANCE -> EnumSet.of(DEPLOYING, IN_PROGRESS, CANCELLED);
            case DEPLOYING -> EnumSet.of(DONE);
            case DONE, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
        };
    }

    /**
     * The actions staff may take on a task in this status: start a new one, send test-copy work
     * for acceptance, complete live work or a deployment, cancel anything not final or deploying.
     */
    public Set<TaskAction> allowedActions(Environment environment) {
        Set<TaskAction> actions = EnumSet.noneOf(TaskAction.class);
        if (this == TODO) {
            actions.add(TaskAction.START);
        }
        if (this == IN_PROGRESS && environment == Environment.TEST) {
            actions.add(TaskAction.READY);
        }
        if (this == IN_PROGRESS && environment == Environment.LIVE || this == DEPLOYING) {
            actions.add(TaskAction.COMPLETE);
        }
        if (canMoveTo(CANCELLED, environment)) {
            actions.add(TaskAction.CANCEL);
        }
        return actions;
    }

    public boolean isFinal() {
        return this == DONE || this == CANCELLED;
    }
}
