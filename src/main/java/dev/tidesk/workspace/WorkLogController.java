package dev.tidesk.workspace;

import dev.tidesk.contract.ContractTerms;
import dev.tidesk.contract.Contracts;
import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.contract.ledger.Ledgers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.NormHours;
import dev.tidesk.worklog.WorkEntryView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Norm-hours on the request page: the panel (an htmx fragment loaded into the side column), logging
 * time in two clicks, and editing an entry (its author, HEAD or ADMIN).
 */
@Controller
class WorkLogController {

    /** {@code taskId}: optionally one of the request's specialist tasks, whose hours these are. */
    record WorkEntryForm(
            @NotBlank @Size(max = 20) String hours,

            @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate day,

            WorkKind kind,
            @Size(max = 1000) String comment,
            Long taskId) {}

    private final WorkLog workLog;
    private final RequestQueries requests;
    private final Contracts contracts;
    private final Ledgers ledgers;
    private final MessageSource messages;
    private final Deferrals deferrals;
    private final TaskBoard tasks;

    private final dev.tidesk.system.FlashMessages flashes;

    WorkLogController(
            WorkLog workLog,
            RequestQueries requests,
            Contracts contracts,
            Ledgers ledgers,
            MessageSource messages,
            Deferrals deferrals,
            TaskBoard tasks,
            dev.tidesk.system.FlashMessages flashes) {
        this.flashes = flashes;
        this.deferrals = deferrals;
        this.tasks = tasks;
        this.workLog = workLog;
        this.requests = requests;
        this.contracts = contracts;
        this.ledgers = ledgers;
        this.messages = messages;
    }

    @GetMapping("/desk/requests/{tid}/worklog")
    String panel(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, Model model) {
        TicketView ticket = requests.byTid(tid);
        model.addAttribute("ticket", ticket);
        model.addAttribute("entries", workLog.entriesOf(ticket.id()));
        model.addAttribute("changes", workLog.changesOf(ticket.id()));
        model.addAttribute("total", workLog.totalMinutesOf(ticket.id()));
        model.addAttribute("kinds", WorkKind.values());
        model.addAttribute("today", workLog.today());
        model.addAttribute("firstDay", workLog.firstDayOf(ticket));
        List<TaskView> taskList = tasks.ofRequest(ticket.id());
        model.addAttribute("tasks", taskList);
        model.addAttribute("taskTitles", taskList.stream().collect(Collectors.toMap(TaskView::id, TaskView::title)));
        model.addAttribute("mayEditAny", mayEditAny(me));
        if (ticket.organizationId() != null) {
            ContractTerms terms = contracts.termsOfToday(ticket.organizationId());
            model.addAttribute("terms", terms);
            model.addAttribute(
                    "month",
                    terms.oneOffClient()
                            ? null
                            : ledgers.monthOf(ticket.organizationId(), YearMonth.from(workLog.today())));
        }
        model.addAttribute("canDefer", deferrals.canPropose(ticket));
        model.addAttribute("deferrals", deferrals.ofTicket(ticket.id()));
        return "workspace/worklog/panel :: panel";
    }

    @PostMapping("/desk/requests/{tid}/worklog")
    String log(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @Validated @ModelAttribute WorkEntryForm form,
            RedirectAttributes redirect) {
        TicketView ticket = requests.byTid(tid);
        if (me.staffId() == null) {
            return back(ticket);
        }
        int minutes = NormHours.parse(form.hours());
        if (form.taskId() == null) {
            workLog.log(
                    ticket.id(),
                    null,
                    me.staffId(),
                    me.displayName(),
                    form.day(),
                    minutes,
                    form.kind(),
                    form.comment());
        } else {
            tasks.logHours(
                    form.taskId(),
                    ticket.id(),
                    me.staffId(),
                    me.displayName(),
                    form.day(),
                    minutes,
                    form.kind(),
                    form.comment());
        }
        flashes.notice(redirect, "worklog.logged");
        return back(ticket);
    }

    @PostMapping("/desk/worklog/{id}")
    String edit(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable long id,
            @Validated @ModelAttribute WorkEntryForm form,
            RedirectAttributes redirect) {
        WorkEntryView entry = workLog.entry(id);
        TicketView ticket = requests.ticket(entry.ticketId());
        workLog.edit(
                id,
                me.staffId() == null ? -1 : me.staffId(),
                me.displayName(),
                mayEditAny(me),
                form.day(),
                NormHours.parse(form.hours()),
                form.kind(),
                form.comment());
        flashes.notice(redirect, "worklog.saved");
        return back(ticket);
    }

    /** Proposes to the client doing this request next month (R10). */
    @PostMapping("/desk/requests/{tid}/deferral")
    String defer(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, RedirectAttributes redirect) {
        TicketView ticket = requests.byTid(tid);
        deferrals.propose(ticket.id(), DeskController.actor(me));
        flashes.notice(redirect, "deferral.proposed");
        return back(ticket);
    }

    static boolean mayEditAny(TideskUser me) {
        return me.hasRole(Role.HEAD, Role.ADMIN);
    }

    private static String back(TicketView ticket) {
        return "redirect:/desk/requests/" + ticket.tid();
    }
}
