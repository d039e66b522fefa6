/**
 * The data generator for benchmarks: {@code java -jar tidesk.jar generate --orgs 1000 --requests 1000000}
 * fills the configured database with organizations, contacts, sites, staff and years of requests
 * with their conversations, through PostgreSQL COPY, deterministically for a seed.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Generator",
        allowedDependencies = {"shared", "ticket"})
package dev.tidesk.generator;
