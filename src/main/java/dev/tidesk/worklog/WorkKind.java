package dev.tidesk.worklog;

/** What the time was spent on. Syncing the test copy is logged separately because it costs the client (R14). */
public enum WorkKind {
    WORK,
    CONSULTATION,
    TEST_COPY_SYNC,
    DEPLOY
}
