/**
 * Web configuration, the page layout, languages, error pages and the embedded PostgreSQL that
 * Tidesk starts when no database is configured.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "System",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.tidesk.system;
