/**
 * The demo: with {@code --demo} (or {@code tidesk.demo=true}) an empty installation is filled with
 * Russian client organizations, staff and six months of requests, so Tidesk can be tried out at once.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {
            "shared",
            "system",
            "identity",
            "customer",
            "team",
            "ticket",
            "contract",
            "worklog",
            "mail"
        })
package dev.tidesk.demo;
