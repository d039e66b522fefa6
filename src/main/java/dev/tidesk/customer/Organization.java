package dev.tidesk.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class Organization {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;
    private String inn;
    private String emailDomain;
    private String notes;
    private boolean active = true;
    private Instant createdAt;

    protected Organization() {}

    Organization(String name, String emailDomain, Instant createdAt) {
        this.createdAt = createdAt;
        this.name = name.trim();
        this.emailDomain = emailDomain == null || emailDomain.isBlank()
                ? null
                : emailDomain.trim().toLowerCase();
    }

    OrganizationView view() {
        return new OrganizationView(id, name, emailDomain, active);
    }

    void edit(String name, String emailDomain) {
        this.name = name.trim();
        this.emailDomain = emailDomain == null || emailDomain.isBlank()
                ? null
                : emailDomain.trim().toLowerCase();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    Long getId() {
        return id;
    }
}
