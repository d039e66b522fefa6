/**
 * The HTTP API (JSON, bearer tokens issued on the staff account page): requests created by other
 * systems arrive with channel API; admins import .eml files and zips of them through the mail
 * pipeline and close past months ({@code POST /api/v1/months/close}; on the command line
 * {@code java -jar tidesk.jar close-months --up-to 2026-10}).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "API",
        allowedDependencies = {
            "shared",
            "identity",
            "customer",
            "ticket",
            "mail",
            "audit",
            "contract",
            "contract::ledger"
        })
package dev.tidesk.api;
