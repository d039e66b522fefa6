package dev.tidesk.workspace;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * Someone to copy on a request: a contact of its organization, picked from the list, or any address
 * typed by the agent.
 */
record CcForm(Long contactId, @Email @Size(max = 254) String address) {}
