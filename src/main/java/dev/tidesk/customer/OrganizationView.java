package dev.tidesk.customer;

public record OrganizationView(long id, String name, String emailDomain) {}
