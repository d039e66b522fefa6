package dev.tidesk.identity;

/** What an account may do. Every role but {@link #CONTACT} is staff. */
public enum Role {
    ADMIN,
    HEAD,
    AGENT,
    MANAGER,
    SPECIALIST,
    CONTACT;

    public boolean isStaff() {
        return this != CONTACT;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
