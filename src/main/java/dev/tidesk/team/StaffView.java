package dev.tidesk.team;

import dev.tidesk.identity.Role;

public record StaffView(
        long id, String fullName, String email, Role role, Specialty specialty, Availability availability) {}
