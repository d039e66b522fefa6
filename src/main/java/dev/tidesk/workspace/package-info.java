/**
 * The staff workspace under {@code /desk}: queues, a request with reply, note, status, urgency and
 * assignee, search, a call recorded as a request, and the admins' outbox.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Workspace",
        allowedDependencies = {
            "shared",
            "system",
            "identity",
            "customer",
            "team",
            "ticket",
            "mail",
            "worklog",
            "contract",
            "contract::ledger",
            "contract::deferral",
            "contract::alert",
            "routing",
            "task",
            "report",
            "audit",
            "notice",
            "canned"
        })
package dev.tidesk.workspace;
