/**
 * The HTTP API (JSON, bearer tokens issued on the staff account page): requests created by other
 * systems arrive with channel API; admins import .eml files and zips of them through the mail pipeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API",
        allowedDependencies = { "shared", "identity", "customer", "ticket", "mail", "audit" })
package dev.tidesk.api;
