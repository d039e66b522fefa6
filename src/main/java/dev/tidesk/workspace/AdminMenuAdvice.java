package dev.tidesk.workspace;

import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.mail.Outbox;
import dev.tidesk.routing.CalendarBook;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the admin menu of the workspace flags for admins and heads: mail that could not be sent,
 * and, in December, a next year with no transfer decree entered in the working calendar.
 */
@ControllerAdvice(basePackages = "dev.tidesk.workspace")
class AdminMenuAdvice {

    /** The menu's marks; {@code transfersMissing} is the year, or null. */
    record AdminMenu(long failedMail, Integer transfersMissing) {}

    private final Outbox outbox;
    private final CalendarBook calendar;

    AdminMenuAdvice(Outbox outbox, CalendarBook calendar) {
        this.outbox = outbox;
        this.calendar = calendar;
    }

    @ModelAttribute("adminMenu")
    AdminMenu adminMenu(@AuthenticationPrincipal TideskUser me) {
        if (me == null || !me.hasRole(Role.ADMIN, Role.HEAD)) {
            return null;
        }
        return new AdminMenu(outbox.failedCount(), calendar.transfersMissing().orElse(null));
    }
}
