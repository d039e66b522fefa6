package dev.tidesk.system;

import dev.tidesk.identity.PasswordReset;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signs everyone out who was signed in as an account whose password was just reset: the sessions
 * (in PostgreSQL, see V009) go in the same transaction as the new password.
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
}
