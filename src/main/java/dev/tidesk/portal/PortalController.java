package dev.tidesk.portal;

import dev.tidesk.contract.deferral.Deferrals;
import dev.tidesk.customer.Customers;
import dev.tidesk.customer.SiteView;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.shared.CappedCount;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.system.AttachmentResponses;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.AttachmentContent;
import dev.tidesk.ticket.Channel;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.NewRequest;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestForm;
import dev.tidesk.ticket.RequestIntake;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Satisfaction;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import dev.tidesk.worklog.WorkLog;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's pages. Every route resolves the request through the contact's own organization,
 * so another organization's TID or attachment is "not found".
 */
@Controller
class PortalController {

    static final List<String> FILTERS = List.of("all", "open", "closed");
    static final List<String> STEPS = List.of("received", "accepted", "working", "done");

    private final RequestQueries queries;
    private final RequestIntake intake;
    private final RequestDesk desk;
    private final Customers customers;
    private final MessageSource messages;
    private final Deferrals deferrals;
    private final WorkLog workLog;
    private final dev.tidesk.contract.deferral.DeferralHistory deferralHistory;
    private final dev.tidesk.task.TaskBoard tasks;
    private final dev.tidesk.ticket.CcList copies;
    private final Satisfaction satisfaction;

    private final Clock clock;

    PortalController(
            RequestQueries queries,
            RequestIntake intake,
            RequestDesk desk,
            Customers customers,
            MessageSource messages,
            Deferrals deferrals,
            WorkLog workLog,
            dev.tidesk.contract.deferral.DeferralHistory deferralHistory,
            dev.tidesk.task.TaskBoard tasks,
            dev.tidesk.ticket.CcList copies,
            Satisfaction satisfaction,
            Clock clock) {
        this.copies = copies;
        this.satisfaction = satisfaction;
        this.deferralHistory = deferralHistory;
        this.tasks = tasks;
        this.clock = clock;
        this.deferrals = deferrals;
        this.workLog = workLog;
        this.queries = queries;
        this.intake = intake;
        this.desk = desk;
        this.customers = customers;
        this.messages = messages;
    }

    @GetMapping("/portal/login")
    String login(Model model) {
        model.addAttribute("area", "portal");
        return "system/login";
    }

    @GetMapping("/portal")
    String list(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(defaultValue = "all") String filter,
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String f = FILTERS.contains(filter) ? filter : "all";
        model.addAttribute("organization", customers.organization(me.organizationId()));
        model.addAttribute("filters", FILTERS);
        model.addAttribute("filter", f);
        model.addAttribute("q", q);
        Page<TicketView> requests =
                queries.organizationRequests(me.organizationId(), "all".equals(f) ? "" : f, q, page, 25);
        model.addAttribute("page", requests);
        // past the cap the list is not counted to the end: "more than 10,000"
        model.addAttribute(
                "total", new CappedCount(requests.getTotalElements(), RequestQueries.ORGANIZATION_COUNT_CAP));
        return "portal/requests/list";
    }

    @GetMapping("/portal/requests/new")
    String newRequest(@AuthenticationPrincipal TideskUser me, Model model) {
        model.addAttribute("form", new RequestForm());
        return newForm(me, model);
    }

    @PostMapping("/portal/requests")
    String create(
            @AuthenticationPrincipal TideskUser me,
            @Valid @ModelAttribute("form") RequestForm form,
            BindingResult result,
            @RequestParam(required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect) {
        List<SiteView> sites = customers.activeSitesOf(me.organizationId());
        if (form.getSiteId() != null && sites.stream().noneMatch(s -> s.id() == form.getSiteId())) {
            result.rejectValue("siteId", "error.site.unknown");
        }
        if (result.hasErrors()) {
            return newForm(me, model);
        }
        TicketView ticket = intake.open(new NewRequest(
                form.getSubject(),
                form.getBody(),
                me.contactId(),
                form.getSiteId(),
                Channel.PORTAL,
                form.getUrgency(),
                NewAttachment.of(files),
                actor(me)));
        redirect.addFlashAttribute(
                "flash",
                messages.getMessage(
                        "portal.new.created", new Object[] {ticket.tid()}, LocaleContextHolder.getLocale()));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    @GetMapping("/portal/requests/{tid}")
    String detail(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, Model model) {
        TicketView ticket = queries.byTidForOrganization(tid, me.organizationId());
        List<HistoryEntry> timeline = queries.history(ticket.id()).stream()
                .filter(h -> h.field().equals("created")
                        || h.field().equals("status")
                        || h.field().equals("deferral")
                        || h.field().equals("ccAdded")
                        || h.field().equals("ccRemoved")
                        || h.field().equals("autoclose")
                        || h.field().equals("rating")
                        || (h.field().equals("assignee") && h.toValue() != null))
                .toList();
        // a merged request says where it went, and links there when the client may see it
        model.addAttribute("survivor", ticket.merged() ? survivorFor(ticket, me) : null);
        model.addAttribute("deferral", deferrals.pendingForClient(ticket.id()).orElse(null));
        model.addAttribute("ticket", ticket);
        model.addAttribute("messages", queries.messages(ticket.id(), false));
        model.addAttribute("timeline", timeline);
        model.addAttribute(
                "deferralLabels",
                deferralHistory.labels(
                        timeline.stream().map(HistoryEntry::toValue).toList()));
        model.addAttribute("taskProgress", tasks.progress(ticket.id()));
        // who is copied; the contact who wrote the request copies colleagues of their organization
        List<dev.tidesk.ticket.CcEntry> copied = copies.of(ticket.id());
        boolean requester = ticket.contactId() != null && ticket.contactId().equals(me.contactId());
        model.addAttribute("copies", copied);
        model.addAttribute("mayCopy", requester);
        model.addAttribute(
                "ccColleagues",
                !requester
                        ? List.of()
                        : customers.contactsOf(me.organizationId(), 101).stream()
                                .filter(c -> c.email() != null
                                        && !c.email().isBlank()
                                        && !c.email().equalsIgnoreCase(ticket.contactEmail())
                                        && copied.stream()
                                                .noneMatch(e -> e.address().equalsIgnoreCase(c.email())))
                                .limit(100)
                                .toList());
        model.addAttribute("rating", satisfaction.of(ticket.id()).orElse(null));
        model.addAttribute("rateable", Satisfaction.rateable(ticket.status()));
        model.addAttribute("steps", STEPS);
        // the request is the contact's own organization's (resolved above): its norm-hours, tasks' included
        model.addAttribute("spentMinutes", workLog.totalMinutesOf(ticket.id()));
        model.addAttribute(
                "site",
                ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null));
        return "portal/requests/detail";
    }

    @PostMapping("/portal/requests/{tid}/replies")
    String reply(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam String body,
            @RequestParam(required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        // a reply to a merged request goes where its conversation went
        TicketView ticket = survivorFor(queries.byTidForOrganization(tid, me.organizationId()), me);
        desk.clientReply(ticket.id(), actor(me), body, NewAttachment.of(files));
        redirect.addFlashAttribute(
                "flash", messages.getMessage("portal.detail.replied", null, LocaleContextHolder.getLocale()));
        return "redirect:/portal/requests/" + ticket.tid();
    }

    @GetMapping("/portal/attachments/{id}")
    ResponseEntity<org.springframework.core.io.Resource> attachment(
            @AuthenticationPrincipal TideskUser me, @PathVariable long id) {
        AttachmentContent file = queries.attachment(id, false);
        if (file.organizationId() == null || !file.organizationId().equals(me.organizationId())) {
            throw new NotFoundException("No attachment " + id);
        }
        return AttachmentResponses.download(file.filename(), file.contentType(), file.content());
    }

    /**
     * The request's latest deferral when the client has something to see: an open proposal to
     * answer, or an accepted one while the request waits for its month.
     */
    private String newForm(TideskUser me, Model model) {
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute("sites", customers.activeSitesOf(me.organizationId()));
        return "portal/requests/new";
    }

    /** The request a merged one went into, when it is the contact's organization's; else the request itself. */
    private TicketView survivorFor(TicketView ticket, TideskUser me) {
        TicketView survivor = queries.survivor(ticket.id());
        return survivor.organizationId() != null && survivor.organizationId().equals(me.organizationId())
                ? survivor
                : ticket;
    }

    private static Actor actor(TideskUser me) {
        return Actor.contact(me.contactId(), me.displayName());
    }
}
