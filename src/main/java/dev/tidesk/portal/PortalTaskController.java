package dev.tidesk.portal;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client accepts or declines a change on the test copy on the request page (the e-mail link: {@link PortalAnswerController}). */
@Controller
class PortalTaskController {

    private final RequestQueries queries;
    private final TaskBoard tasks;
    private final MessageSource messages;

    PortalTaskController(RequestQueries queries, TaskBoard tasks, MessageSource messages) {
        this.queries = queries;
        this.tasks = tasks;
        this.messages = messages;
    }

    @PostMapping("/portal/requests/{tid}/tasks/{taskId}/accept")
    String accept(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @PathVariable long taskId,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        tasks.accept(taskId, ticket.id(), me.displayName());
        redirect.addFlashAttribute("flash", text("task.portal.accepted"));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    @PostMapping("/portal/requests/{tid}/tasks/{taskId}/decline")
    String decline(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @PathVariable long taskId,
            @RequestParam(defaultValue = "") String comment,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        tasks.decline(taskId, ticket.id(), me.displayName(), comment);
        redirect.addFlashAttribute("flash", text("task.portal.declined"));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
