package dev.tidesk.customer;

/** A client organization as a list to choose from shows it: a filter's or a form's option. */
public record OrganizationChoice(long id, String name) {}
