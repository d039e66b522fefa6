package dev.tidesk.system;

import dev.tidesk.identity.AccountEnabledChanged;
import dev.tidesk.identity.LoginRenamed;
import dev.tidesk.identity.PasswordChanged;
import dev.tidesk.identity.PasswordReset;
import dev.tidesk.identity.RoleChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Signs everyone out who was signed in as an account whose password was just reset, whose role
 * changed, whose owner was deactivated or whose login was renamed, and a person's other sessions when they change their own password. Sessions are found
 * by their principal through Spring Session's index, once the change is committed (a change that
 * rolls back signs nobody out). With sessions kept in memory (no indexed repository) there is
 * nothing to find, and nothing is done.
 */
@Component
class SessionsOfReset {

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    SessionsOfReset(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PasswordReset event) {
        // the principal name is the account's login as stored, which the event carries
        end(event.login(), null);
    }

    /** A new role holds from the next page on: the account signs in again and gets it. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(RoleChanged event) {
        if (event.from() != null) {
            end(event.login(), null);
        }
    }

    /** A deactivated contact or colleague is signed out at once, not at the end of their session. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountEnabledChanged event) {
        if (!event.enabled()) {
            end(event.login(), null);
        }
    }

    /** A session under the old login would speak for an account that no longer has that name. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(LoginRenamed event) {
        end(event.from(), null);
    }

    /**
     * Someone changed their own password: every other session of theirs ends (a stolen one, a
     * forgotten browser); the one they did it in stays signed in.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PasswordChanged event) {
        end(event.login(), currentSessionId());
    }

    private void end(String login, String keep) {
        sessions.ifAvailable(repository -> repository.findByPrincipalName(login).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(repository::deleteById));
    }

    private static String currentSessionId() {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            jakarta.servlet.http.HttpSession session = a.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
