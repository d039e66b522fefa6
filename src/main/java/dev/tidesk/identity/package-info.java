/**
 * Accounts, login, roles and the security configuration of the two areas: the client portal
 * ({@code /portal}) and the staff workspace ({@code /desk}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package dev.tidesk.identity;
