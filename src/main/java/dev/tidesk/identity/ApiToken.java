package dev.tidesk.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A token for the HTTP API, acting as the staff account that issued it. Only its SHA-256 is stored. */
@Entity
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private String name;
    private String tokenHash;
    private Instant createdAt;
    private Instant lastUsedAt;
    private boolean revoked;

    protected ApiToken() {}

    ApiToken(long accountId, String name, String tokenHash, Instant createdAt) {
        this.createdAt = createdAt;
        this.accountId = accountId;
        this.name = name;
        this.tokenHash = tokenHash;
    }

    /**
     * Notes a use at {@code now}, at most once per {@code every}: a busy integration calls many
     * times a second, and writing the row each time made every read a write transaction.
     */
    void used(Instant now, java.time.Duration every) {
        if (lastUsedAt == null || !lastUsedAt.plus(every).isAfter(now)) {
            lastUsedAt = now;
        }
    }

    void revoke() {
        revoked = true;
    }

    ApiTokenView view() {
        return new ApiTokenView(id, name, createdAt, lastUsedAt, revoked);
    }

    Long getId() {
        return id;
    }

    String getName() {
        return name;
    }

    Long getAccountId() {
        return accountId;
    }

    boolean isRevoked() {
        return revoked;
    }
}
