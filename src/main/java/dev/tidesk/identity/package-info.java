/**
 * Accounts, login, roles and the security configuration of the two areas: the client portal
 * ({@code /portal}) and the staff workspace ({@code /desk}).
 *
 * <p>Read model other modules' SQL may query (V458): {@code identity_staff_account_v}, the accounts
 * of staff members: {@code id}, {@code staff_id}, {@code login} and {@code locale} (the language of
 * their mail), nothing about passwords or sign-in attempts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package dev.tidesk.identity;
