package dev.tidesk.workspace;

import dev.tidesk.customer.Customers;
import dev.tidesk.identity.Role;
import dev.tidesk.identity.TideskUser;
import dev.tidesk.mail.Outbox;
import dev.tidesk.routing.QueueEntry;
import dev.tidesk.routing.RoutingQueue;
import dev.tidesk.system.AttachmentResponses;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.AttachmentContent;
import dev.tidesk.ticket.HistoryEntry;
import dev.tidesk.ticket.NewAttachment;
import dev.tidesk.ticket.Queue;
import dev.tidesk.ticket.QueueSort;
import dev.tidesk.ticket.RequestDesk;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.Status;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.ticket.Urgency;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Slice;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queues and the request page of the workspace. */
@Controller
class DeskController {

    private final RequestQueries queries;
    private final RequestDesk desk;
    private final StaffDirectory staff;
    private final Customers customers;
    private final Outbox outbox;
    private final MessageSource messages;
    private final RoutingQueue routing;

    private final dev.tidesk.task.TaskBoard tasks;
    private final dev.tidesk.worklog.WorkLog workLog;
    private final dev.tidesk.mail.MailIntake mailIntake;
    private final dev.tidesk.contract.deferral.DeferralHistory deferralHistory;
    private final dev.tidesk.notice.Notices notices;
    private final dev.tidesk.notice.Mentions mentions;
    private final dev.tidesk.ticket.CcList copies;

    private final dev.tidesk.system.FlashMessages flashes;
    private final dev.tidesk.canned.CannedReplies canned;
    private final dev.tidesk.ticket.RequestTags tags;

    /** How many of the most used tags the request page suggests. */
    static final int TAG_SUGGESTIONS = 100;

    private final dev.tidesk.ticket.Satisfaction satisfaction;

    DeskController(
            RequestQueries queries,
            RequestDesk desk,
            StaffDirectory staff,
            Customers customers,
            Outbox outbox,
            MessageSource messages,
            RoutingQueue routing,
            dev.tidesk.task.TaskBoard tasks,
            dev.tidesk.worklog.WorkLog workLog,
            dev.tidesk.mail.MailIntake mailIntake,
            dev.tidesk.contract.deferral.DeferralHistory deferralHistory,
            dev.tidesk.notice.Notices notices,
            dev.tidesk.notice.Mentions mentions,
            dev.tidesk.team.ClientContact clientContact,
            dev.tidesk.system.FlashMessages flashes,
            dev.tidesk.canned.CannedReplies canned,
            dev.tidesk.ticket.CcList copies,
            dev.tidesk.ticket.RequestTags tags,
            dev.tidesk.ticket.Satisfaction satisfaction) {
        this.canned = canned;
        this.tags = tags;
        this.satisfaction = satisfaction;
        this.flashes = flashes;
        this.copies = copies;
        this.tasks = tasks;
        this.workLog = workLog;
        this.mailIntake = mailIntake;
        this.deferralHistory = deferralHistory;
        this.clientContact = clientContact;
        this.notices = notices;
        this.mentions = mentions;
        this.routing = routing;
        this.queries = queries;
        this.desk = desk;
        this.staff = staff;
        this.customers = customers;
        this.outbox = outbox;
        this.messages = messages;
    }

    @GetMapping("/desk/login")
    String login(Model model) {
        model.addAttribute("area", "desk");
        return "system/login";
    }

    @GetMapping("/desk")
    String queue(
            @AuthenticationPrincipal TideskUser me,
            @RequestParam(required = false) Queue view,
            @RequestParam(name = "sort", required = false) QueueSort order,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String known,
            jakarta.servlet.http.HttpServletResponse response,
            @RequestParam(required = false) String tag,
            Model model) {
        if (view == null && me.role() == Role.SPECIALIST) {
            // specialists work behind support: their desk is their tasks
            return "redirect:/desk/tasks";
        }
        Queue queue = view != null ? view : (me.staffId() == null ? Queue.OPEN : Queue.UNASSIGNED);
        QueueSort sort = order != null ? order : (queue == Queue.UNASSIGNED ? QueueSort.PRIORITY : QueueSort.URGENCY);
        String onlyTag = tagFilter(tag);
        if (queue == Queue.UNASSIGNED && sort == QueueSort.PRIORITY && onlyTag == null) {
            // the routing queue's own order, with its reasons; the pager follows it
            Slice<QueueEntry> entries = routing.page(page, 50);
            model.addAttribute("entries", entries.getContent());
            model.addAttribute("slice", entries);
            List<Long> ids =
                    entries.getContent().stream().map(QueueEntry::ticketId).toList();
            model.addAttribute("unseen", unseen(me, ids));
            model.addAttribute("tagsByTicket", tags.of(ids));
        } else {
            Slice<TicketView> slice = queries.queue(queue, me.staffId(), sort, onlyTag, page, 50);
            model.addAttribute("slice", slice);
            List<Long> ids = slice.getContent().stream().map(TicketView::id).toList();
            model.addAttribute("unseen", unseen(me, ids));
            model.addAttribute("tagsByTicket", tags.of(ids));
        }
        model.addAttribute("tag", onlyTag);
        model.addAttribute("counts", queries.queueCounts(me.staffId(), onlyTag));
        String fingerprint = QueueFingerprint.of(model);
        if (fingerprint.equals(known)) {
            // the open queue asks again every few seconds: nothing changed, nothing to swap
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_NO_CONTENT);
            return null;
        }
        model.addAttribute("fingerprint", fingerprint);
        model.addAttribute("view", queue);
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", QueueSort.values());
        model.addAttribute("views", Queue.values());
        model.addAttribute("mine", me.staffId() == null ? null : staff.member(me.staffId()));
        return "workspace/queue";
    }

    /** The tag a list is narrowed to, as stored (lower-case, trimmed), or null for none. */
    static String tagFilter(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String t = tag.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return t.length() > dev.tidesk.ticket.RequestTags.MAX_LENGTH
                ? t.substring(0, dev.tidesk.ticket.RequestTags.MAX_LENGTH)
                : t;
    }

    /** The rows with client messages this person has not opened yet. */
    private java.util.Set<Long> unseen(TideskUser me, List<Long> ticketIds) {
        return me.staffId() == null ? java.util.Set.of() : notices.unseen(me.staffId(), ticketIds);
    }

    @GetMapping("/desk/requests/{tid}")
    String request(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, Model model) {
        TicketView ticket = queries.byTid(tid);
        model.addAttribute("ticket", ticket);
        List<dev.tidesk.ticket.MessageView> conversation = queries.messages(ticket.id(), true);
        model.addAttribute("messages", conversation);
        // mentions in notes are links; the rest of every message stays plain text
        model.addAttribute("noteSegments", mentions.segmentsOf(conversation));
        // the live part of the page asks for what comes after the last message shown
        model.addAttribute(
                "lastMessageId",
                conversation.stream()
                        .mapToLong(dev.tidesk.ticket.MessageView::id)
                        .max()
                        .orElse(0));
        if (me != null && me.staffId() != null) {
            // the request is open before them: what the bell said about it is read
            if (notices.opened(ticket.id(), me.staffId()) > 0) {
                // the header's count (NoticeBellAdvice) was taken before these were read
                model.addAttribute("bellCount", notices.unreadCount(me.staffId()));
            }
            model.addAttribute("watching", notices.watching(ticket.id(), me.staffId()));
        }
        model.addAttribute("watchers", notices.watcherNames(ticket.id()));
        model.addAttribute("history", queries.history(ticket.id()));
        model.addAttribute("tags", tags.of(ticket.id()));
        model.addAttribute("tagSuggestions", tags.popular(TAG_SUGGESTIONS));
        // support keeps the client's contacts and sites current; specialists do not (SecurityConfiguration)
        model.addAttribute("mayEditDirectory", me != null && !me.hasRole(Role.SPECIALIST));
        model.addAttribute("rating", satisfaction.of(ticket.id()).orElse(null));
        model.addAttribute("nextStatuses", ticket.status().next());
        model.addAttribute("urgencies", Urgency.values());
        model.addAttribute(
                "assignees",
                staff.everyone().stream()
                        .filter(s -> s.role() != Role.SPECIALIST)
                        .toList());
        model.addAttribute("contact", ticket.contactId() == null ? null : customers.contact(ticket.contactId()));
        model.addAttribute(
                "site",
                ticket.siteId() == null ? null : customers.site(ticket.siteId()).orElse(null));
        model.addAttribute("mails", outbox.ofRequest(ticket.id()));
        boolean mayReply = me == null || mayReplyToClients(me);
        // the personal reply address is a way to reply: offered only to whoever may reply
        model.addAttribute(
                "replyAddress",
                !mayReply || me.staffId() == null ? null : outbox.staffReplyAddress(me.staffId(), ticket.id()));
        model.addAttribute("mayReply", mayReply);
        // the CC list: who gets the client's mails besides the contact, colleagues to pick from, and
        // the colleagues mail brought along, offered and never added by themselves
        List<dev.tidesk.ticket.CcEntry> copied = copies.of(ticket.id());
        model.addAttribute("copies", copied);
        model.addAttribute("ccSuggestions", mayReply ? copies.suggestions(ticket.id()) : List.of());
        java.util.Set<String> taken = new java.util.HashSet<>();
        copied.forEach(c -> taken.add(c.address()));
        model.addAttribute(
                "ccColleagues",
                !mayReply || ticket.organizationId() == null
                        ? List.of()
                        // the organization's contacts to pick from; an organization with more (the
                        // one-off clients' triage) is no list of colleagues: the address is typed instead
                        : java.util.Optional.of(customers.contactsOf(ticket.organizationId(), 101))
                                .filter(all -> all.size() <= 100)
                                .orElse(List.of())
                                .stream()
                                .filter(c -> c.email() != null
                                        && !c.email().isBlank()
                                        && !c.email().equalsIgnoreCase(ticket.contactEmail())
                                        && !taken.contains(c.email().strip().toLowerCase(java.util.Locale.ROOT)))
                                .toList());
        // merge, split and link are support's; a merged request points at where it went
        boolean mayRelate = me == null || (me.role().isStaff() && me.role() != Role.SPECIALIST);
        model.addAttribute("mayRelate", mayRelate);
        model.addAttribute("maySplit", mayRelate && !ticket.merged());
        model.addAttribute(
                "firstMessageId",
                conversation.isEmpty() ? 0L : conversation.get(0).id());
        model.addAttribute("links", queries.links(ticket.id()));
        model.addAttribute("survivor", ticket.merged() ? queries.survivor(ticket.id()) : null);
        model.addAttribute("inbound", mailIntake.ofRequest(ticket.id()));
        model.addAttribute(
                "deferralLabels",
                deferralHistory.labels(queries.history(ticket.id()).stream()
                        .map(HistoryEntry::toValue)
                        .toList()));
        // a Premium client's request waits for its personal manager before the general queue: say so
        model.addAttribute(
                "heldFor",
                routing.managerHolding(ticket.id()).map(staff::member).orElse(null));
        model.addAttribute("taskList", tasks.ofRequest(ticket.id()));
        model.addAttribute("steps", tasks.history(ticket.id()));
        model.addAttribute("testOnly", tasks.testCopyOnly(ticket.id()));
        model.addAttribute("syncList", tasks.syncSuggestions(ticket.id()));
        model.addAttribute("taskMinutes", workLog.minutesByTask(ticket.id()));
        model.addAttribute("specialists", tasks.specialists());
        model.addAttribute(
                "signature",
                me == null || me.staffId() == null
                        ? null
                        : canned.signature(me.staffId()).orElse(null));
        return "workspace/requests/detail";
    }

    @PostMapping("/desk/requests/{tid}/messages")
    String message(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(required = false) String kind,
            @RequestParam String body,
            @RequestParam(required = false) List<MultipartFile> files,
            RedirectAttributes redirect) {
        // written on a merged request's page, it goes where the conversation went
        TicketView ticket = queries.survivor(queries.byTid(tid).id());
        boolean mayReply = mayReplyToClients(me);
        if (kind == null) {
            kind = mayReply ? "reply" : "note";
        }
        if (!"note".equals(kind) && !mayReply) {
            // the seed: support speaks to the client; specialists write internal notes and work their tasks
            throw new org.springframework.security.access.AccessDeniedException("Specialists do not reply to clients");
        }
        if ("note".equals(kind)) {
            desk.note(ticket.id(), actor(me), body, NewAttachment.of(files));
            flashes.notice(redirect, "desk.request.noted");
        } else {
            // replies to clients end with the author's signature, if they keep one
            String signed = me.staffId() == null ? body : canned.signed(body, me.staffId());
            desk.reply(ticket.id(), actor(me), signed, NewAttachment.of(files));
            flashes.notice(redirect, "desk.request.replied");
        }
        return back(ticket);
    }

    private final dev.tidesk.team.ClientContact clientContact;

    /** Support roles reply to clients; a specialist only where the installation allows it. */
    boolean mayReplyToClients(TideskUser me) {
        return clientContact.mayReply(me.role());
    }

    @PostMapping("/desk/requests/{tid}/status")
    String status(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam Status status,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        desk.changeStatus(ticket.id(), status, actor(me));
        flashes.notice(redirect, "desk.request.saved");
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/urgency")
    String urgency(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam Urgency urgency,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        desk.changeUrgency(ticket.id(), urgency, actor(me));
        flashes.notice(redirect, "desk.request.saved");
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/assignee")
    String assign(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(required = false) Long staffId,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        StaffView assignee = staffId == null ? null : staff.member(staffId);
        desk.assign(ticket.id(), staffId, assignee == null ? null : assignee.fullName(), actor(me));
        flashes.notice(redirect, "desk.request.saved");
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/take")
    String take(@AuthenticationPrincipal TideskUser me, @PathVariable String tid, RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        if (me.staffId() != null) {
            desk.assign(ticket.id(), me.staffId(), me.displayName(), actor(me));
            flashes.notice(redirect, "desk.request.taken");
        }
        return back(ticket);
    }

    /** Tags a request (any staff role: tags are for colleagues, never shown to the client). */
    @PostMapping("/desk/requests/{tid}/tags")
    String addTag(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String tag,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        try {
            if (tags.add(ticket.id(), tag, actor(me))) {
                flashes.notice(redirect, "tag.added", dev.tidesk.ticket.RequestTags.normalize(tag));
            }
        } catch (dev.tidesk.shared.DomainException e) {
            redirect.addFlashAttribute("error", FormErrors.of(e, messages));
        }
        return back(ticket);
    }

    @PostMapping("/desk/requests/{tid}/tags/remove")
    String removeTag(
            @AuthenticationPrincipal TideskUser me,
            @PathVariable String tid,
            @RequestParam(defaultValue = "") String tag,
            RedirectAttributes redirect) {
        TicketView ticket = queries.byTid(tid);
        if (tags.remove(ticket.id(), tag, actor(me))) {
            flashes.notice(redirect, "tag.removed", tag.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return back(ticket);
    }

    @GetMapping("/desk/attachments/{id}")
    ResponseEntity<org.springframework.core.io.Resource> attachment(@PathVariable long id) {
        AttachmentContent file = queries.attachment(id, true);
        return AttachmentResponses.download(file.filename(), file.contentType(), file.content());
    }

    private static String back(TicketView ticket) {
        return "redirect:/desk/requests/" + ticket.tid();
    }

    static Actor actor(TideskUser me) {
        return new Actor(me.displayName(), me.staffId(), null);
    }
}
