package dev.tidesk.workspace;

import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.DomainException;
import dev.tidesk.system.FlashMessages;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One change to many requests from a list: assign, change status or urgency, add a note, close.
 * First a confirmation that says how many and what; then each request changes on its own, with its
 * own history entry, and one that can't (a status it can't move to) is counted, not forced.
 */
@Controller
class BulkController {

    /** The most requests one bulk action changes: a page of the list. */
    static final int MAX = RequestListController.PAGE;

    enum Action {
        ASSIGN,
        STATUS,
        URGENCY,
        NOTE,
        CLOSE
    }

    private final RequestQueries queries;
    private final RequestDesk desk;
    private final StaffDirectory staff;
    private final FlashMessages flashes;

    BulkController(RequestQueries queries, RequestDesk desk, StaffDirectory staff, FlashMessages flashes) {
        this.queries = queries;
        this.desk = desk;
        this.staff = staff;
        this.flashes = flashes;
    }

    @PostMapping("/desk/requests/bulk")
    String bulk(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(name = "ids", required = false) List<Long> ids,
            @RequestParam Action action,
            @RequestParam(required = false) Long staffId,
            @RequestParam(required = false) Status status,
            @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) String note,
            @RequestParam(defaultValue = "") String back,
            @RequestParam(defaultValue = "false") boolean confirmed,
            Model model,
            RedirectAttributes redirect) {
        String list = "redirect:/desk/requests" + (back.isEmpty() || back.length() > 2000 ? "" : "?" + back);
        List<Long> chosen = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        String missing = missing(action, staffId, status, urgency, note);
        if (chosen.isEmpty() || chosen.size() > MAX || missing != null) {
            flashes.error(
                    redirect, chosen.isEmpty() ? "bulk.noneChosen" : missing != null ? missing : "bulk.tooMany", MAX);
            return list;
        }
        List<TicketView> requests = chosen.stream().map(queries::ticket).toList();
        StaffView assignee = action == Action.ASSIGN ? staff.member(staffId) : null;
        if (!confirmed) {
            model.addAttribute("requests", requests);
            model.addAttribute("action", action);
            model.addAttribute("assignee", assignee);
            model.addAttribute("status", status);
            model.addAttribute("urgency", urgency);
            model.addAttribute("note", note);
            model.addAttribute("back", back);
            return "workspace/requests/bulk-confirm";
        }
        int done = 0;
        List<String> refused = new ArrayList<>();
        for (TicketView t : requests) {
            try {
                switch (action) {
                    case ASSIGN -> desk.assign(t.id(), assignee.id(), assignee.fullName(), DeskController.actor(me));
                    case STATUS -> desk.changeStatus(t.id(), status, DeskController.actor(me));
                    case URGENCY -> desk.changeUrgency(t.id(), urgency, DeskController.actor(me));
                    case NOTE -> desk.note(t.id(), DeskController.actor(me), note.strip(), List.of());
                    case CLOSE -> desk.changeStatus(t.id(), Status.CLOSED, DeskController.actor(me));
                }
                done++;
            } catch (DomainException e) {
                refused.add(t.tid());
            }
        }
        if (refused.isEmpty()) {
            flashes.notice(redirect, "bulk.done", done);
        } else {
            flashes.error(redirect, "bulk.partly", done, refused.size(), String.join(", ", refused));
        }
        return list;
    }

    /** What the chosen action needs and was not given, as a message key; null when complete. */
    private static String missing(Action action, Long staffId, Status status, Urgency urgency, String note) {
        return switch (action) {
            case ASSIGN -> staffId == null ? "bulk.needAssignee" : null;
            case STATUS -> status == null ? "bulk.needStatus" : null;
            case URGENCY -> urgency == null ? "bulk.needUrgency" : null;
            case NOTE -> note == null || note.isBlank() ? "bulk.needNote" : null;
            case CLOSE -> null;
        };
    }
}
