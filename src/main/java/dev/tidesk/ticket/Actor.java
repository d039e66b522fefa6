package dev.tidesk.ticket;

/** Who did something to a request: a staff member, a contact, or the system. */
public record Actor(String name, Long staffId, Long contactId) {

    public static Actor staff(long staffId, String name) {
        return new Actor(name, staffId, null);
    }

    public static Actor contact(long contactId, String name) {
        return new Actor(name, null, contactId);
    }

    public static Actor system() {
        return new Actor("Tidesk", null, null);
    }
}
