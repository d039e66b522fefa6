package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.task.NewTask;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Specialist tasks: created from a request, worked on from "my tasks". */
@Controller
class TaskController {

    private final TaskBoard tasks;
    private final RequestQueries queries;
    private final StaffDirectory staff;
    private final MessageSource messages;

    TaskController(TaskBoard tasks, RequestQueries queries, StaffDirectory staff, MessageSource messages) {
        this.tasks = tasks;
        this.queries = queries;
        this.staff = staff;
        this.messages = messages;
    }

    @GetMapping("/desk/tasks")
    String mine(@AuthenticationPrincipal TideskUser me, Model model) {
        model.addAttribute("tasks", me.staffId() == null ? java.util.List.of() : tasks.assignedTo(me.staffId()));
        return "workspace/task/mine";
    }

    @PostMapping("/desk/requests/{tid}/tasks")
    String create(@AuthenticationPrincipal TideskUser me, @PathVariable String tid,
            @Valid @ModelAttribute("taskForm") TaskForm form, BindingResult result, RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", text("task.form.invalid"));
            return back(ticket.tid());
        }
        StaffView assignee = staff.member(form.getAssigneeId());
        if (assignee.specialty() == null) {
            throw new DomainException("error.task.assignee", "Not a specialist");
        }
        tasks.create(new NewTask(ticket.id(), assignee.specialty(), assignee.id(), form.getTitle(),
                form.getDescription(), form.getEstimateHours(), form.getEnvironment()), me.displayName());
        redirect.addFlashAttribute("flash", text("task.created"));
        return back(ticket.tid());
    }

    @PostMapping("/desk/tasks/{id}/{action}")
    String act(@AuthenticationPrincipal TideskUser me, @PathVariable long id, @PathVariable String action,
            RedirectAttributes redirect) {
        TaskView task = tasks.task(id);
        switch (action) {
            case "start" -> tasks.start(id, me.staffId(), me.displayName());
            case "ready" -> tasks.readyOnTestCopy(id, me.staffId(), me.displayName());
            case "complete" -> tasks.complete(id, me.staffId(), me.displayName());
            case "cancel" -> tasks.cancel(id, me.staffId(), me.displayName());
            default -> throw new dev.tidesk.shared.NotFoundException("No action " + action);
        }
        redirect.addFlashAttribute("flash", text("task.saved"));
        return back(task.tid());
    }

    private String text(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String back(String tid) {
        return "redirect:/desk/requests/" + tid + "#tasks";
    }
}
