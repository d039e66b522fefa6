package dev.tidesk.task;

/** What the client sees of a task: its title as support words it, its status, and the test copy step. */
public record TaskProgress(long id, String title, TaskStatus status, Environment environment) {

    public boolean awaitingAcceptance() {
        return status == TaskStatus.AWAITING_CLIENT_ACCEPTANCE;
    }
}
