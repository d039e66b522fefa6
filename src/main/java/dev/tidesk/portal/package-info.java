/**
 * The client portal (личный кабинет) under {@code /portal}: the organization's requests, a new
 * request, a request's conversation and progress. A contact sees their own organization only.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portal",
        allowedDependencies = {
            "shared",
            "system",
            "identity",
            "customer",
            "team",
            "ticket",
            "worklog",
            "contract",
            "contract::ledger",
            "contract::deferral",
            "task"
        })
package dev.tidesk.portal;
