package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.notice.NoticeView;
import dev.tidesk.notice.Notices;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The bell: a person's notices, the live unread count of the header (an htmx fragment it polls),
 * and watching a request. Everyone reaches their own notices only.
 */
@Controller
class NoticeController {

    /** A notice as the list shows it: its text in the reader's language and where it leads. */
    record NoticeLine(long id, String text, String tid, boolean unread, java.time.Instant createdAt) {}

    private final Notices notices;
    private final RequestQueries requests;
    private final MessageSource messages;

    NoticeController(Notices notices, RequestQueries requests, MessageSource messages) {
        this.notices = notices;
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/desk/notifications")
    String list(@AuthenticationPrincipal TideskUser me, Model model) {
        List<NoticeLine> lines = me.staffId() == null
                ? List.of()
                : notices.recent(me.staffId()).stream()
                        .map(n -> line(n, LocaleContextHolder.getLocale()))
                        .toList();
        model.addAttribute("notices", lines);
        model.addAttribute("unread", lines.stream().anyMatch(NoticeLine::unread));
        return "workspace/notice/list";
    }

    /** The header's count, polled by the bell; no page reload. */
    @GetMapping("/desk/notifications/count")
    String count() {
        // the count itself comes from NoticeBellAdvice, as on every workspace page
        return "workspace/notice/list :: bell";
    }

    /** Opens a notice: it is read from now on, and the browser goes where it leads. */
    @GetMapping("/desk/notifications/{id}")
    String open(@AuthenticationPrincipal TideskUser me, @PathVariable long id) {
        if (me.staffId() == null) {
            throw new dev.tidesk.shared.NotFoundException("No notice " + id);
        }
        return "redirect:" + notices.open(id, me.staffId()).href();
    }

    @PostMapping("/desk/notifications/read")
    String markAllRead(@AuthenticationPrincipal TideskUser me, RedirectAttributes redirect) {
        if (me.staffId() != null) {
            notices.markAllRead(me.staffId());
        }
        redirect.addFlashAttribute(
                "flash", messages.getMessage("notice.allRead", null, LocaleContextHolder.getLocale()));
        return "redirect:/desk/notifications";
    }

    @PostMapping("/desk/requests/{tid}/watch")
    String watch(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, RedirectAttributes redirect) {
        TicketView ticket = requests.byTid(tid);
        if (me.staffId() != null) {
            notices.watch(ticket.id(), me.staffId());
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("notice.watching", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/desk/requests/" + ticket.tid();
    }

    @PostMapping("/desk/requests/{tid}/unwatch")
    String unwatch(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, RedirectAttributes redirect) {
        TicketView ticket = requests.byTid(tid);
        if (me.staffId() != null) {
            notices.unwatch(ticket.id(), me.staffId());
            redirect.addFlashAttribute(
                    "flash", messages.getMessage("notice.unwatched", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:/desk/requests/" + ticket.tid();
    }

    private NoticeLine line(NoticeView n, Locale locale) {
        Object[] args = n.arguments(key -> messages.getMessage(key, null, "#" + key, locale));
        return new NoticeLine(
                n.id(), messages.getMessage(n.messageKey(), args, locale), n.tid(), n.unread(), n.createdAt());
    }
}
