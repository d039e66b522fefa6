package dev.tidesk.customer;

/**
 * A client's contact person.
 *
 * @param monthlyStatement the contact asked for the monthly statement by e-mail when a month is closed
 */
public record ContactView(
        long id,
        long organizationId,
        String fullName,
        String email,
        String phone,
        String position,
        String language,
        boolean monthlyStatement) {}
