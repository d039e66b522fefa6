/** Staff: agents, personal managers, specialists with their specialty, heads and admins; availability. */
@org.springframework.modulith.ApplicationModule(
        displayName = "Team",
        allowedDependencies = {"shared", "identity"})
package dev.tidesk.team;
