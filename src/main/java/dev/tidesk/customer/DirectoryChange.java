package dev.tidesk.customer;

import java.time.Instant;

/**
 * One change of the client directory: who changed which field of an organization, a contact or a
 * site, from what, to what. {@code field} names a {@code directory.field.*} message key; a
 * deactivation is the field {@code active} going from {@code true} to {@code false}.
 */
public record DirectoryChange(
        Instant at,
        String actor,
        Subject subject,
        long subjectId,
        String subjectName,
        String field,
        String fromValue,
        String toValue) {

    /** What was changed. */
    public enum Subject {
        ORGANIZATION,
        CONTACT,
        SITE
    }
}
