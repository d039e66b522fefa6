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
        return name != null && !name.isBlank() && !name.equalsIgnoreCase(address);
    }
}
