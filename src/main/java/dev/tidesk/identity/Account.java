package dev.tidesk.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A login: a staff member's or a client contact's. */
@Entity
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String login;
    private String passwordHash;
    private String displayName;
    private String kind;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long staffId;
    private Long contactId;
    private Long organizationId;
    private String locale;
    private boolean enabled = true;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant createdAt;
    /** When the owner chose the password, or an admin typed it; null while an invitation waits. */
    private Instant passwordChosenAt;

    protected Account() {}

    Account(String login, String passwordHash, String displayName, Role role, String locale, Instant createdAt) {
        this.createdAt = createdAt;
        this.passwordChosenAt = createdAt;
        this.login = login.trim();
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.kind = role.isStaff() ? "STAFF" : "CONTACT";
        this.locale = locale == null ? "ru" : locale;
    }

    /**
     * Counts a wrong password in a row, for the record. It locks nothing: a lock anyone could trigger
     * would let anyone keep the owner out ({@link LoginThrottle} slows guessing instead).
     */
    void loginFailed(Instant now, java.time.Duration lockFor) {
        failedLogins++;
    }

    void loginSucceeded() {
        failedLogins = 0;
        lockedUntil = null;
    }

    Long getId() {
        return id;
    }

    String getLogin() {
        return login;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    void setPasswordHash(String passwordHash, Instant at) {
        this.passwordHash = passwordHash;
        this.passwordChosenAt = at;
    }

    /** Opened with a password nobody knows: the owner chooses one from the invitation's link. */
    void awaitChosenPassword() {
        this.passwordChosenAt = null;
    }

    boolean isInvitationPending() {
        return passwordChosenAt == null;
    }

    String getDisplayName() {
        return displayName;
    }

    Role getRole() {
        return role;
    }

    /** A staff login moves to another staff role; a contact never becomes staff, nor the other way round. */
    void changeRole(Role role) {
        if (!role.isStaff() || !this.role.isStaff()) {
            throw new IllegalArgumentException("Only staff logins change roles: " + this.role + " -> " + role);
        }
        this.role = role;
    }

    Long getStaffId() {
        return staffId;
    }

    void setStaffId(Long staffId) {
        this.staffId = staffId;
    }

    Long getContactId() {
        return contactId;
    }

    Long getOrganizationId() {
        return organizationId;
    }

    void linkContact(Long contactId, Long organizationId) {
        this.contactId = contactId;
        this.organizationId = organizationId;
    }

    String getLocale() {
        return locale;
    }

    void changeLocale(String locale) {
        this.locale = locale;
    }

    boolean isEnabled() {
        return enabled;
    }

    /** A deactivated person's login signs nothing in; reactivation opens it again. */
    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The contact's or colleague's details changed: the login follows the address, the name the name. */
    void rename(String login, String displayName, String locale) {
        this.login = login.trim();
        this.displayName = displayName;
        if (locale != null) {
            this.locale = locale;
        }
    }
}
