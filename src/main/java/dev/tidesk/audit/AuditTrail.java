package dev.tidesk.audit;

import dev.tidesk.identity.AccountEnabledChanged;
import dev.tidesk.identity.ApiTokenIssued;
import dev.tidesk.identity.ApiTokenRevoked;
import dev.tidesk.identity.LoginRenamed;
import dev.tidesk.identity.PasswordChanged;
import dev.tidesk.identity.PasswordReset;
import dev.tidesk.identity.RoleChanged;
import dev.tidesk.identity.SignInThrottled;
import dev.tidesk.identity.TideskUser;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Writes the identity module's events to the audit log, in the transaction that published them
 * (a plain listener, not an after-commit one: the entry and the change stand or fall together).
 */
@Component
class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(RoleChanged e) {
        log.record(
                e.by(),
                e.from() == null ? AuditAction.ROLE_GRANTED : AuditAction.ROLE_CHANGED,
                e.login(),
                (e.from() == null ? "" : e.from() + " -> ") + e.to());
    }

    @EventListener
    void on(PasswordReset e) {
        // by the e-mailed link (nobody signed in) or by an admin (who is named)
        log.record(AuditAction.PASSWORD_RESET, e.login(), null);
    }

    /** A contact or colleague deactivated (their login closed) or reactivated. */
    @EventListener
    void on(AccountEnabledChanged e) {
        log.record(e.enabled() ? AuditAction.LOGIN_ENABLED : AuditAction.LOGIN_DISABLED, e.login(), null);
    }

    /** A contact's login followed their new address. */
    @EventListener
    void on(LoginRenamed e) {
        log.record(AuditAction.LOGIN_RENAMED, e.to(), e.from() + " -> " + e.to());
    }

    @EventListener
    void on(PasswordChanged e) {
        log.record(e.login(), AuditAction.PASSWORD_CHANGED, e.login(), null);
    }

    @EventListener
    void on(ApiTokenIssued e) {
        log.record(e.login(), AuditAction.TOKEN_ISSUED, e.login(), e.name() + " (#" + e.tokenId() + ")");
    }

    @EventListener
    void on(ApiTokenRevoked e) {
        log.record(e.login(), AuditAction.TOKEN_REVOKED, e.login(), e.name() + " (#" + e.tokenId() + ")");
    }

    /** A form sign-in (API tokens authenticate without this event, per request). */
    @EventListener
    void on(AuthenticationSuccessEvent e) {
        if (e.getAuthentication().getPrincipal() instanceof TideskUser user) {
            log.record(user.getUsername(), AuditAction.SIGN_IN, user.getUsername(), null);
        }
    }

    @EventListener
    void on(SignInThrottled e) {
        log.record("anonymous", AuditAction.SIGN_IN_THROTTLED, e.login(), null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent e) {
        Object name = e.getAuthentication().getPrincipal();
        log.record(
                "anonymous",
                AuditAction.SIGN_IN_FAILED,
                name == null ? null : name.toString(),
                e.getException().getClass().getSimpleName());
    }
}
