package dev.tidesk.system;

import dev.tidesk.identity.PasswordChanged;
import dev.tidesk.identity.PasswordReset;
import dev.tidesk.identity.RoleChanged;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs everyone out who was signed in as an account whose password was just reset or whose role
 * changed, and a person's other sessions when they change their own password: the sessions (in
 * PostgreSQL, see V009) go in the same transaction as the change.
 */
@Component
class SessionsOfReset {

    private final JdbcTemplate jdbc;

    SessionsOfReset(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PasswordReset event) {
        // the principal name is the account's login as stored, which the event carries
        jdbc.update("delete from spring_session where principal_name = ?", event.login());
    }

    /** A new role holds from the next page on: the account signs in again and gets it. */
    @EventListener
    void on(RoleChanged event) {
        if (event.from() != null) {
            jdbc.update("delete from spring_session where principal_name = ?", event.login());
        }
    }

    /**
     * Someone changed their own password: every other session of theirs ends (a stolen one, a
     * forgotten browser); the one they did it in stays signed in.
     */
    @EventListener
    void on(PasswordChanged event) {
        String current = currentSessionId();
        jdbc.update("delete from spring_session where principal_name = ? and session_id <> ?", event.login(),
                current == null ? "" : current);
    }

    private static String currentSessionId() {
        if (org.springframework.web.context.request.RequestContextHolder
                .getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes a) {
            jakarta.servlet.http.HttpSession session = a.getRequest().getSession(false);
            return session == null ? null : session.getId();
        }
        return null;
    }
}
