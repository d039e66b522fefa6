package dev.tidesk.task;

/** What staff do to a task from its row; {@link TaskStatus#allowedActions} says which apply. */
public enum TaskAction {
    /** Start working on it. */
    START(TaskStatus.IN_PROGRESS),
    /** The work is on the test copy: ask the client to accept it. */
    READY(TaskStatus.ON_TEST_COPY),
    /** Done on the live site, or deployed after the client's acceptance. */
    COMPLETE(TaskStatus.DONE),
    CANCEL(TaskStatus.CANCELLED);

    private final TaskStatus target;

    TaskAction(TaskStatus target) {
        this.target = target;
    }

    /** The status the action moves the task to. */
    public TaskStatus target() {
        return target;
    }
}
