package dev.tidesk.identity;

import java.time.Duration;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for login and throttles guessing: five wrong passwords in a row lock the
 * account for fifteen minutes. The counter lives in the database, so it holds on every node.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByLogin(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new TideskUser(account, !account.isLockedAt(Instant.now()));
    }

    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        if (name != null) {
            accounts.findByLogin(name.toString().trim()).ifPresent(a -> a.loginFailed(Instant.now(), LOCK_TIME));
        }
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TideskUser user) {
            accounts.findById(user.accountId()).ifPresent(Account::loginSucceeded);
        }
    }
}
