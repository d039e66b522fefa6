/**
 * Staff: agents, personal managers, specialists with their specialty, heads and admins; availability.
 *
 * <p>Read model other modules' SQL may query (V454, V457): {@code team_staff_v}, a colleague's
 * {@code full_name}, {@code email}, {@code role} and whether {@code active}, by {@code id}
 * (deactivated ones included, for figures of the past).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Team",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.team;
