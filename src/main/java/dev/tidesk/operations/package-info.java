/**
 * The operator's commands on Tidesk's database, each run on the configured database without the
 * web application: {@code backup --to FILE} and {@code restore --from FILE} (a consistent logical
 * dump of every table through PostgreSQL's COPY, with the schema version and the secret files kept
 * beside the data folder), and {@code migrate --check} (what a start of this version would migrate).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operations",
        allowedDependencies = {"system", "mail"})
package dev.tidesk.operations;
