package dev.tidesk.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
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
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads accounts for login and counts wrong passwords for {@link LoginThrottle}. Nothing locks an
 * account: the throttle slows guessers down by their address, and strangers by the login, while
 * the owner's own browser keeps getting in.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    static final Duration LOCK_TIME = Duration.ofMinutes(15);

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final DeviceCookies devices;

    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, LoginThrottle throttle, DeviceCookies devices, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.throttle = throttle;
        this.devices = devices;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account account = accounts.findByLogin(username == null ? "" : username.trim())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        return new TideskUser(account, true);
    }

    /** A wrong password, or a login that does not exist: counted alike. */
    @EventListener
    @Transactional
    public void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        String login = name == null ? "" : name.toString();
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest()
                : null;
        throttle.failed(
                login,
                request == null ? null : request.getRemoteAddr(),
                request != null && devices.knows(request, login));
        accounts.findByLogin(login.trim()).ifPresent(a -> a.loginFailed(Instant.now(clock), LOCK_TIME));
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof TideskUser user) {
            accounts.findById(user.accountId()).ifPresent(Account::loginSucceeded);
        }
    }

    /** A password set by a link or an admin: whoever set it may sign in at once. */
    @EventListener
    public void onReset(PasswordReset event) {
        throttle.forget(event.login());
    }
}
