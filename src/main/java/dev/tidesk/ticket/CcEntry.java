package dev.tidesk.ticket;

import java.time.Instant;

/**
 * Someone copied on a request.
 *
 * @param contactId the client's contact with this address, or null for an address from outside
 */
public record CcEntry(String address, String name, Long contactId, Instant addedAt) {

    /** "Name <address>", or the address alone when the name is the address. */
    public String label() {
        return hasName() ? name + " <" + address + ">" : address;
    }

    /** Whether the entry has a name other than its address, shown above the address. */
    public boolean hasName() {
        return isName(name, address);
    }

    /** Whether {@code name} says more than {@code address}: not empty and not the address again. */
    static boolean isName(String name, String address) {
        return name != null && !name.isBlank() && !name.equalsIgnoreCase(address);
    }
}
