package dev.tidesk.team;

/** What a specialist does. */
public enum Specialty {
    DEVELOPER,
    DESIGNER,
    CONTENT,
    SEO,
    SYSADMIN
}
