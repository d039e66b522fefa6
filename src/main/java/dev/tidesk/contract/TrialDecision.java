package dev.tidesk.contract;

/** What was decided at the end of a trial on Economy (R11). */
public enum TrialDecision {
    UPGRADE,
    STAY,
    INDIVIDUAL
}
