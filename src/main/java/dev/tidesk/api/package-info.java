/**
 * The HTTP API (JSON, bearer tokens issued on the staff account page): requests created by other
 * systems arrive with channel API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API",
        allowedDependencies = { "shared", "identity", "customer", "ticket" })
package dev.tidesk.api;
