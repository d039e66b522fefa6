package dev.tidesk.customer;

/** A client organization; {@code active} is false once deactivated (its history stays). */
public record OrganizationView(long id, String name, String emailDomain, boolean active) {}
