package dev.tidesk.identity;

import java.time.Instant;

public record ApiTokenView(long id, String name, Instant createdAt, Instant lastUsedAt, boolean revoked) {}
