/**
 * The demo: with {@code --demo} (or {@code tidesk.demo=true}) an empty installation is filled with
 * Russian client organizations, staff and six months of requests, with their specialist tasks,
 * deferrals, closed months and plan alerts, so Tidesk can be tried out at once. While it loads,
 * every page says so (503).
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
            "contract::ledger",
            "contract::deferral",
            "task",
            "worklog",
            "mail"
        })
package dev.tidesk.demo;
