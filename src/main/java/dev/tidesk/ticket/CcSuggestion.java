package dev.tidesk.ticket;

import java.time.Instant;

/**
 * A colleague of the client seen in the Cc of a mail on the request, offered to staff for the CC
 * list.
 *
 * @param contactId the known contact with this address, or null for an address at the organization's
 *     mail domain that is no contact yet
 * @param name the contact's name as the directory has it, or null: a name from a mail header is never
 *     shown
 */
public record CcSuggestion(String address, Long contactId, String name, Instant suggestedAt) {

    /** Whether the suggestion has a name other than its address, shown above the address. */
    public boolean hasName() {
        return CcEntry.isName(name, address);
    }
}
