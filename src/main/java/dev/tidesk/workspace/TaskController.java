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
import dev.tidesk.worklog.NormHours;
import dev.tidesk.worklog.WorkLog;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Specialist tasks: created from a request, worked on from "my tasks". */
@Controller
class TaskController {

    private final TaskBoard tasks;
    private final RequestQueries queries;
    private final StaffDirectory staff;
    private final MessageSource messages;
    private final WorkLog workLog;

    TaskController(
            TaskBoard tasks, RequestQueries queries, StaffDirectory staff, MessageSource messages, WorkLog workLog) {
        this.workLog = workLog;
        this.tasks = tasks;
        this.queries = queries;
        this.staff = staff;
        this.messages = messages;
    }

    /** The suggested test-copy sync entry as the specialist confirms it (prefilled by the page). */
    record SyncForm(
            @NotBlank @Size(max = 20) String hours,
            @Size(max = 1000) String comment,
            String from) {}

    @GetMapping("/desk/tasks")
    String mine(@AuthenticationPrincipal TideskUser me, Model model) {
        java.util.List<TaskView> mine = me.staffId() == null ? java.util.List.of() : tasks.assignedTo(me.staffId());
        model.addAttribute("tasks", mine);
        model.addAttribute(
                "taskMinutes",
                workLog.minutesOfTasks(mine.stream().map(TaskView::id).toList()));
        model.addAttribute(
                "syncs", me.staffId() == null ? java.util.List.of() : tasks.syncSuggestionsFor(me.staffId()));
        return "workspace/task/mine";
    }

    @PostMapping("/desk/tasks/{id}/sync/confirm")
    String confirmSync(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute SyncForm form,
            RedirectAttributes redirect) {
        TaskView task = tasks.task(id);
        if (me.staffId() == null) {
            throw new DomainException("error.task.assignee", "Only staff log norm-hours");
        }
        tasks.confirmSync(id, me.staffId(), me.displayName(), NormHours.parse(form.hours()), form.comment());
        redirect.addFlashAttribute("flash", text("task.sync.confirmed"));
        return "mine".equals(form.from()) ? "redirect:/desk/tasks" : "redirect:/desk/requests/" + task.tid();
    }

    @PostMapping("/desk/tasks/{id}/sync/dismiss")
    String dismissSync(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @RequestParam(defaultValue = "") String from,
            RedirectAttributes redirect) {
        TaskView task = tasks.task(id);
        tasks.dismissSync(id, me.staffId(), me.displayName());
        redirect.addFlashAttribute("flash", text("task.sync.dismissed"));
        return "mine".equals(from) ? "redirect:/desk/tasks" : back(task.tid());
    }

    @PostMapping("/desk/requests/{tid}/tasks")
    String create(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @Valid @ModelAttribute("taskForm") TaskForm form,
            BindingResult result,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        if (result.hasErrors()) {
            redirect.addFlashAttribute("error", text("task.form.invalid"));
            return back(ticket.tid());
        }
        StaffView assignee = staff.member(form.getAssigneeId());
        if (assignee.specialty() == null) {
            throw new DomainException("error.task.assignee", "Not a specialist");
        }
        tasks.create(
                new NewTask(
                        ticket.id(),
                        assignee.specialty(),
                        assignee.id(),
                        form.getTitle(),
                        form.getDescription(),
                        form.getEstimateHours(),
                        form.getEnvironment()),
                me.displayName());
        redirect.addFlashAttribute("flash", text("task.created"));
        return back(ticket.tid());
    }

    @PostMapping("/desk/tasks/{id}/{action}")
    String act(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @PathVariable String action,
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
