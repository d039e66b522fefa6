package dev.tidesk.identity;

import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.SecretTokens;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Forgot password": a link by e-mail that sets a new password. The link lasts an hour and works
 * once; only the hash of its secret is stored. Asking for one answers the same whether or not the
 * address has an account, and an account gets at most {@value #PER_HOUR} links an hour, so the
 * form can be used neither to find out who has an account nor to flood someone's mailbox.
 */
@Service
public class PasswordResets {

    public static final Duration VALID_FOR = Duration.ofHours(1);
    /** How long an invitation to choose a first password works: people read such mail days later. */
    public static final Duration INVITATION_VALID_FOR = Duration.ofDays(7);

    static final int PER_HOUR = 3;

    /** Whom a valid link is for: the login to show, and which area's sign-in page comes after. */
    public record Link(String login, boolean staff) {}

    private final AccountRepository accounts;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    PasswordResets(
            AccountRepository accounts,
            JdbcTemplate jdbc,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    /**
     * Sends a link to the login's address, if the login exists, is enabled and has not had
     * {@value #PER_HOUR} links in the last hour; otherwise does nothing, silently.
     *
     * @return whether a link went out (for tests and logs; never shown to the asker)
     */
    @Transactional
    public boolean request(String login, Instant now) {
        if (login == null || login.isBlank() || !login.contains("@")) {
            return false;
        }
        Optional<Account> found = accounts.findByLogin(login.strip()).filter(Account::isEnabled);
        if (found.isEmpty()) {
            return false;
        }
        return send(found.get(), VALID_FOR, false, now);
    }

    /**
     * Support invites the owner of a login to choose their password: a link like the one above,
     * which works for {@link #INVITATION_VALID_FOR} and comes with a mail saying the account is
     * theirs. The same hourly cap applies.
     *
     * @return whether the invitation went out
     */
    @Transactional
    public boolean invite(String login, Instant now) {
        Account account = accounts.findByLogin(login.strip())
                .filter(Account::isEnabled)
                .orElseThrow(() -> new dev.tidesk.shared.NotFoundException("No login " + login));
        return send(account, INVITATION_VALID_FOR, true, now);
    }

    private boolean send(Account account, Duration validFor, boolean invitation, Instant now) {
        // the account row is locked, so that two requests at once cannot both pass the hourly cap
        jdbc.queryForObject("select id from account where id = ? for update", Long.class, account.getId());
        Integer recent = jdbc.queryForObject(
                "select count(*) from password_reset where account_id = ? and created_at > ?",
                Integer.class,
                account.getId(),
                Timestamp.from(now.minus(Duration.ofHours(1))));
        if (recent != null && recent >= PER_HOUR) {
            return false;
        }
        String token = SecretTokens.newToken();
        Instant expires = now.plus(validFor);
        jdbc.update(
                "insert into password_reset (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                account.getId(),
                SecretTokens.hash(token),
                Timestamp.from(now),
                Timestamp.from(expires));
        events.publishEvent(new PasswordResetRequested(
                account.getId(),
                account.getLogin(),
                account.getDisplayName(),
                account.getRole().isStaff(),
                account.getLocale(),
                token,
                expires,
                invitation));
        return true;
    }

    /** Whom the link is for, while it is valid: not used, not expired, its account enabled. */
    @Transactional(readOnly = true)
    public Optional<Link> link(String token, Instant now) {
        return valid(token, now)
                .flatMap(accounts::findById)
                .filter(Account::isEnabled)
                .map(a -> new Link(a.getLogin(), a.getRole().isStaff()));
    }

    /**
     * Sets the new password and spends the link, with every other open link of the account. A
     * locked account (too many wrong passwords) is unlocked: the owner proved they read its mail.
     * Every session signed in as the account ends ({@link PasswordReset}).
     *
     * @throws DomainException when the link is not valid, or the password too short
     */
    @Transactional
    public Link complete(String token, String newPassword, Instant now) {
        Account account = valid(token, now)
                .flatMap(accounts::findById)
                .filter(Account::isEnabled)
                .orElseThrow(() -> new DomainException("error.reset.invalid", "The link is not valid"));
        Accounts.checkStrength(newPassword);
        int spent = jdbc.update(
                "update password_reset set used_at = ? where token_hash = ? and used_at is null",
                Timestamp.from(now),
                SecretTokens.hash(token));
        if (spent != 1) {
            throw new DomainException("error.reset.invalid", "The link was used at the same moment");
        }
        jdbc.update(
                "update password_reset set used_at = ? where account_id = ? and used_at is null",
                Timestamp.from(now),
                account.getId());
        account.setPasswordHash(passwordEncoder.encode(newPassword), now);
        account.loginSucceeded();
        events.publishEvent(new PasswordReset(account.getId(), account.getLogin()));
        return new Link(account.getLogin(), account.getRole().isStaff());
    }

    private Optional<Long> valid(String token, Instant now) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Long> ids = jdbc.queryForList("""
                select account_id from password_reset
                 where token_hash = ? and used_at is null and expires_at > ?""", Long.class, SecretTokens.hash(token), Timestamp.from(now));
        return ids.stream().findFirst();
    }
}
