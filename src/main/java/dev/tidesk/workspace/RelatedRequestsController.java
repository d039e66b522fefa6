package dev.tidesk.workspace;

import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.ticket.MergePlan;
import dev.tidesk.ticket.MessageKind;
import dev.tidesk.ticket.MessageSplit;
import dev.tidesk.ticket.MessageView;
import dev.tidesk.ticket.RequestLinks;
import dev.tidesk.ticket.RequestMerge;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkLog;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Merge, split and link on the request page, for support (agents, managers, the head, admins):
 * "Объединить с…" asks for the survivor's TID and confirms what will move; "Выделить в новое
 * обращение" on a client's message; the "Связанные обращения" card adds and removes links.
 */
@Controller
class RelatedRequestsController {

    private final RequestQueries queries;
    private final RequestMerge merges;
    private final MessageSplit splits;
    private final RequestLinks links;
    private final WorkLog workLog;
    private final TaskBoard tasks;
    private final Deferrals deferrals;
    private final FlashMessages flashes;
    private final MessageSource messages;

    RelatedRequestsController(
            RequestQueries queries,
            RequestMerge merges,
            MessageSplit splits,
            RequestLinks links,
            WorkLog workLog,
            TaskBoard tasks,
            Deferrals deferrals,
            FlashMessages flashes,
            MessageSource messages) {
        this.queries = queries;
        this.merges = merges;
        this.splits = splits;
        this.links = links;
        this.workLog = workLog;
        this.tasks = tasks;
        this.deferrals = deferrals;
        this.flashes = flashes;
        this.messages = messages;
    }

    /** The merge form and, with a target, the confirmation of what will move. */
    @GetMapping("/desk/requests/{tid}/merge")
    String mergeForm(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(required = false) String target,
            Model model,
            HttpServletResponse response) {
        TicketView ticket = ticket(me, tid);
        model.addAttribute("ticket", ticket);
        model.addAttribute("target", target == null ? "" : target.strip());
        if (target != null && !target.isBlank()) {
            try {
                plan(merges.plan(ticket.id(), target), model);
            } catch (DomainException e) {
                refused(e, model, response);
            }
        }
        return "workspace/requests/merge";
    }

    @PostMapping("/desk/requests/{tid}/merge")
    String merge(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @Valid @ModelAttribute MergeForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        model.addAttribute("ticket", ticket);
        model.addAttribute("target", form.target() == null ? "" : form.target().strip());
        if (result.hasErrors()) {
            model.addAttribute("error", String.join("; ", FormErrors.of(result, messages, "merge.form")));
            response.setStatus(422);
            return "workspace/requests/merge";
        }
        try {
            TicketView survivor = merges.merge(ticket.id(), form.target(), DeskController.actor(me));
            flashes.notice(redirect, "merge.done", ticket.tid(), survivor.tid());
            return "redirect:/desk/requests/" + survivor.tid();
        } catch (DomainException e) {
            refused(e, model, response);
            return "workspace/requests/merge";
        }
    }

    @GetMapping("/desk/requests/{tid}/split/{messageId}")
    String splitForm(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @PathVariable long messageId,
            Model model) {
        TicketView ticket = ticket(me, tid);
        MessageView message = clientMessage(ticket, messageId);
        Locale locale = LocaleContextHolder.getLocale();
        String subject =
                messages.getMessage("split.defaultSubject", new Object[] {ticket.subject(), ticket.tid()}, locale);
        return splitPage(ticket, message, subject, model);
    }

    @PostMapping("/desk/requests/{tid}/split/{messageId}")
    String split(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @PathVariable long messageId,
            @Valid @ModelAttribute SplitForm form,
            BindingResult result,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        MessageView message = clientMessage(ticket, messageId);
        if (result.hasErrors()) {
            model.addAttribute("error", String.join("; ", FormErrors.of(result, messages, "split.form")));
            response.setStatus(422);
            return splitPage(ticket, message, form.subject(), model);
        }
        try {
            TicketView created = splits.split(ticket.id(), messageId, form.subject(), DeskController.actor(me));
            flashes.notice(redirect, "split.done", created.tid(), ticket.tid());
            return "redirect:/desk/requests/" + created.tid();
        } catch (DomainException e) {
            model.addAttribute("error", FormErrors.of(e, messages));
            response.setStatus(422);
            return splitPage(ticket, message, form.subject(), model);
        }
    }

    @PostMapping("/desk/requests/{tid}/links")
    String link(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @Valid @ModelAttribute MergeForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", String.join("; ", FormErrors.of(result, messages, "links.form")));
            return back(ticket);
        }
        try {
            TicketView other = links.link(ticket.id(), form.target(), DeskController.actor(me));
            flashes.notice(redirect, "links.added", other.tid());
        } catch (DomainException e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages));
            redirect.addFlashAttribute("linkDraft", form.target());
        }
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/links/remove")
    String unlink(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(required = false) Long linkedId,
            RedirectAttributes redirect) {
        TicketView ticket = ticket(me, tid);
        TicketView other = (linkedId == null ? java.util.Optional.<TicketView>empty() : queries.findTicket(linkedId))
                .orElseThrow(() -> new NotFoundException("No request " + linkedId));
        links.unlink(ticket.id(), other.id(), DeskController.actor(me));
        flashes.notice(redirect, "links.removed", other.tid());
        return back(ticket);
    }

    private void plan(MergePlan plan, Model model) {
        long mergedId = plan.merged().id();
        model.addAttribute("plan", plan);
        model.addAttribute("minutes", workLog.totalMinutesOf(mergedId));
        model.addAttribute(
                "survivorMinutes", workLog.totalMinutesOf(plan.survivor().id()));
        model.addAttribute("tasks", tasks.ofRequest(mergedId).size());
        model.addAttribute("deferrals", deferrals.ofTicket(mergedId).size());
    }

    private void refused(DomainException e, Model model, HttpServletResponse response) {
        model.addAttribute("error", FormErrors.of(e, messages));
        response.setStatus(422);
    }

    private String splitPage(TicketView ticket, MessageView message, String subject, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("message", message);
        model.addAttribute("subject", subject);
        return "workspace/requests/split";
    }

    private MessageView clientMessage(TicketView ticket, long messageId) {
        return queries.messages(ticket.id(), true).stream()
                .filter(m -> m.id() == messageId && m.kind() == MessageKind.CLIENT)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("No client message " + messageId));
    }

    /** The request, for support: specialists neither merge, split nor link. */
    private TicketView ticket(TideskUser me, String tid) {
        if (me == null || !me.role().isStaff() || me.role() == Role.SPECIALIST) {
            throw new AccessDeniedException("Only support merges, splits and links requests");
        }
        return queries.byTid(tid);
    }

    private static String back(TicketView ticket) {
        return "redirect:/desk/requests/" + ticket.tid() + "#links";
    }
}
