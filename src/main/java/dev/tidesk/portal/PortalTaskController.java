package dev.tidesk.portal;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.customer.Customers;
import dev.tidesk.task.AcceptanceLinkView;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The client accepts or declines a change on the test copy: on the request page or by the e-mail link. */
@Controller
class PortalTaskController {

    private final RequestQueries queries;
    private final TaskBoard tasks;
    private final Customers customers;
    private final MessageSource messages;

    PortalTaskController(RequestQueries queries, TaskBoard tasks, Customers customers, MessageSource messages) {
        this.queries = queries;
        this.tasks = tasks;
        this.customers = customers;
        this.messages = messages;
    }

    /**
     * The page behind the Accept / Decline links of the mail. Opening it changes nothing (a mail
     * scanner following the link does no harm); only its buttons answer.
     */
    @GetMapping("/portal/task-links/{token}")
    String linkPage(@AuthenticationPrincipal TideskUser me, @PathVariable String token,
            @RequestParam(defaultValue = "") String answer, Model model) {
        AcceptanceLinkView link = tasks.byLink(token, me.organizationId());
        TicketView ticket = queries.ticket(link.ticketId());
        model.addAttribute("link", link);
        model.addAttribute("ticket", ticket);
        model.addAttribute("site", ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("answer", answer);
        return "portal/task/answer";
    }

    @PostMapping("/portal/task-links/{token}")
    String answerByLink(@AuthenticationPrincipal TideskUser me, @PathVariable String token, @RequestParam String answer,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        boolean accept = "accept".equals(answer);
        TaskView task = tasks.answerByLink(token, accept, comment, me.organizationId(), me.displayName());
        redirect.addFlashAttribute("flash", text(accept ? "task.portal.accepted" : "task.portal.declined"));
        return "redirect:/portal/requests/" + task.tid() + "#tasks";
    }

    @PostMapping("/portal/requests/{tid}/tasks/{taskId}/accept")
    String accept(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, @PathVariable long taskId,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        tasks.accept(taskId, ticket.id(), me.displayName());
        redirect.addFlashAttribute("flash", text("task.portal.accepted"));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    @PostMapping("/portal/requests/{tid}/tasks/{taskId}/decline")
    String decline(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, @PathVariable long taskId,
            @RequestParam(defaultValue = "") String comment, RedirectAttributes redirect) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        tasks.decline(taskId, ticket.id(), me.displayName(), comment);
        redirect.addFlashAttribute("flash", text("task.portal.declined"));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
