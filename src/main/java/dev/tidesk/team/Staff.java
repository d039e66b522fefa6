package dev.tidesk.team;

import dev.tidesk.identity.Role;
import dev.tidesk.shared.DomainException;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class Staff {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String fullName;
    private String email;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Enumerated(EnumType.STRING)
    private Specialty specialty;

    @Enumerated(EnumType.STRING)
    private Availability availability = Availability.AVAILABLE;

    private boolean active = true;
    private Instant createdAt;

    protected Staff() {}

    Staff(String fullName, String email, Role role, Specialty specialty, Instant createdAt) {
        this.createdAt = createdAt;
        if (!role.isStaff()) {
            throw new IllegalArgumentException("Not a staff role: " + role);
        }
        if (role == Role.SPECIALIST && specialty == null) {
            throw new DomainException("error.staff.specialty", "A specialist needs a specialty");
        }
        this.fullName = fullName;
        this.email = email.trim().toLowerCase();
        this.role = role;
        this.specialty = specialty;
    }

    void changeRole(Role role, Specialty specialty) {
        if (role == Role.SPECIALIST && specialty == null && this.specialty == null) {
            throw new DomainException("error.staff.specialty", "A specialist needs a specialty");
        }
        this.role = role;
        if (specialty != null) {
            this.specialty = specialty;
        }
    }

    void rename(String fullName) {
        if (fullName == null || fullName.isBlank()) {
            throw new DomainException("error.staff.name", "A colleague needs a name");
        }
        this.fullName = fullName.strip();
    }

    /** The specialty alone (a specialist keeps one; others may have one for the record). */
    void changeSpecialty(Specialty specialty) {
        if (specialty == null && role == Role.SPECIALIST) {
            throw new DomainException("error.staff.specialty", "A specialist needs a specialty");
        }
        this.specialty = specialty;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void setAvailability(Availability availability) {
        this.availability = availability;
    }

    StaffView view() {
        return new StaffView(id, fullName, email, role, specialty, availability, active);
    }

    Long getId() {
        return id;
    }
}
