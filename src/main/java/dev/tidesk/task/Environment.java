package dev.tidesk.task;

/** Where a task's change is made first: straight on the live site, or on the test copy. */
public enum Environment {
    LIVE,
    TEST
}
