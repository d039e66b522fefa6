package dev.tidesk.mail.inbound;

import java.time.Instant;

/** An address that mail from Tidesk bounced from: no automatic mail goes there until the mark is cleared. */
public record BouncingAddress(String address, String reason, Long ticketId, Instant bouncedAt) {}
