package dev.tidesk.identity;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Issues, checks and revokes API tokens. The plain token is shown once; only its hash is kept. */
@Service
public class ApiTokens {

    static final String PREFIX = "tdk_";
    /** A token's last use is written at most this often. */
    static final java.time.Duration LAST_USED_EVERY = java.time.Duration.ofMinutes(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ApiTokenRepository tokens;
    private final AccountRepository accounts;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final Clock clock;

    ApiTokens(
            ApiTokenRepository tokens,
            AccountRepository accounts,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.accounts = accounts;
        this.events = events;
    }

    /** @return the plain token, to be shown to its owner once */
    @Transactional
    public String issue(long accountId, String name) {
        Account account = accounts.findById(accountId).orElseThrow(() -> new NotFoundException("No account"));
        if (!account.getRole().isStaff()) {
            throw new DomainException("error.token.staff", "Only staff accounts get API tokens");
        }
        if (name == null || name.isBlank()) {
            throw new DomainException("error.token.name", "A token needs a name");
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken saved = tokens.save(new ApiToken(accountId, name.strip(), hash(token), Instant.now(clock)));
        events.publishEvent(new ApiTokenIssued(accountId, account.getLogin(), saved.getId(), saved.getName()));
        return token;
    }

    @Transactional
    public Optional<TideskUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(hash(token))
                .filter(t -> !t.isRevoked())
                .flatMap(t -> {
                    t.used(Instant.now(clock), LAST_USED_EVERY);
                    return accounts.findById(t.getAccountId());
                })
                .filter(Account::isEnabled)
                .map(a -> new TideskUser(a, true));
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> of(long accountId) {
        return tokens.findByAccountIdOrderByCreatedAtDesc(accountId).stream()
                .map(ApiToken::view)
                .toList();
    }

    @Transactional
    public void revoke(long accountId, long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .filter(t -> t.getAccountId() == accountId)
                .orElseThrow(() -> new NotFoundException("No token " + tokenId));
        token.revoke();
        String login = accounts.findById(accountId).map(Account::getLogin).orElse(null);
        events.publishEvent(new ApiTokenRevoked(accountId, login, tokenId, token.getName()));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
