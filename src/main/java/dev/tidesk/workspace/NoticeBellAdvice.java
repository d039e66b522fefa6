package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.Notices;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The bell's unread count for the header of the workspace pages; the header then polls
 * {@code /desk/notifications/count} to keep it current without a reload.
 */
@ControllerAdvice(basePackages = "dev.tidesk.workspace")
class NoticeBellAdvice {

    private final Notices notices;

    NoticeBellAdvice(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("bellCount")
    Long bellCount(@AuthenticationPrincipal TideskUser me) {
        return me == null || me.staffId() == null ? null : notices.unreadCount(me.staffId());
    }
}
