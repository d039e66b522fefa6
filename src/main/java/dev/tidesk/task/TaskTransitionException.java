package dev.tidesk.task;

import dev.tidesk.shared.DomainException;

class TaskTransitionException extends DomainException {

    TaskTransitionException(TaskStatus from, TaskStatus to) {
        super("error.task.transition", "A task cannot go from " + from + " to " + to, from, to);
    }
}
