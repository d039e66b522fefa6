package dev.tidesk.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The subject of the request a client's message is split off into. */
record SplitForm(@NotBlank @Size(max = 300) String subject) {}
