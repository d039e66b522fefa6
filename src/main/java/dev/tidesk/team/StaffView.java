package dev.tidesk.team;

import dev.tidesk.identity.Role;

/** A colleague; {@code active} is false once deactivated (no sign-in, out of the rotation, history kept). */
public record StaffView(
        long id,
        String fullName,
        String email,
        Role role,
        Specialty specialty,
        Availability availability,
        boolean active) {}
