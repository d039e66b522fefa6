package dev.tidesk.customer;

/**
 * A client's contact person.
 *
 * @param extraEmails further addresses of the contact, comma-separated, kept for the record
 * @param monthlyStatement the contact asked for the monthly statement by e-mail when a month is closed
 * @param active false once deactivated: no sign-in, no mail, the history stays
 */
public record ContactView(
        long id,
        long organizationId,
        String fullName,
        String email,
        String extraEmails,
        String phone,
        String position,
        String language,
        boolean monthlyStatement,
        boolean active) {}
