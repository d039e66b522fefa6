package dev.tidesk.notice;

import dev.tidesk.contract.deferral.DeferralAnswered;
import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.routing.RoutingQueue;
import dev.tidesk.routing.SlaWarningRaised;
import dev.tidesk.task.TaskBoard;
import dev.tidesk.task.TaskStatus;
import dev.tidesk.task.TaskStatusChanged;
import dev.tidesk.task.TaskView;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.ticket.ClientReplied;
import dev.tidesk.ticket.InternalNoteAdded;
import dev.tidesk.ticket.RequestAssigned;
import dev.tidesk.ticket.RequestCreated;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.RequestRated;
import dev.tidesk.ticket.TicketView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what happens to requests into notices, in the transaction of the change: a change that rolls
 * back tells nobody. History loaded after the fact (an import of old mail, the demo) is not news and
 * tells nobody either.
 */
@Component
class NoticeListeners {

    /** A request or reply older than this when it is written is history being loaded, not news. */
    static final Duration HISTORY = Duration.ofHours(1);

    private final Notices notices;
    private final Mentions mentions;
    private final RequestQueries requests;
    private final StaffDirectory staff;
    private final RoutingQueue routing;
    private final TaskBoard tasks;
    private final ClientTermsBook clientTerms;
    private final Clock clock;

    NoticeListeners(
            Notices notices,
            Mentions mentions,
            RequestQueries requests,
            StaffDirectory staff,
            RoutingQueue routing,
            TaskBoard tasks,
            ClientTermsBook clientTerms,
            Clock clock) {
        this.clientTerms = clientTerms;
        this.notices = notices;
        this.mentions = mentions;
        this.requests = requests;
        this.staff = staff;
        this.routing = routing;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * A new request: held for a Premium client's personal manager, it is theirs to hear about;
     * otherwise, while nobody has it, every agent on duty hears. Runs just before the commit, once
     * routing has filed (and perhaps auto-assigned) the request.
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void on(RequestCreated event) {
        TicketView ticket = requests.ticket(event.ticketId());
        if (isHistory(ticket.createdAt())) {
            return;
        }
        var manager = routing.managerHolding(ticket.id());
        if (manager.isPresent()) {
            notices.tell(
                    List.of(manager.get()),
                    event.byStaffId(),
                    NoticeKind.HELD_FOR_YOU,
                    ticket.id(),
                    ticket.tid(),
                    ticket.subject(),
                    ticket.organizationName());
        } else if (ticket.assigneeId() == null) {
            // one shared notice for all of them (issue 19), however many are on duty
            notices.tellShared(
                    staff.agentsOnDuty(),
                    event.byStaffId(),
                    NoticeKind.NEW_REQUEST,
                    ticket.id(),
                    ticket.tid(),
                    ticket.subject(),
                    ticket.organizationName());
        }
    }

    /** The client wrote (or sent files): the assignee and the watchers hear. */
    @EventListener
    void on(ClientReplied event) {
        TicketView ticket = requests.ticket(event.ticketId());
        if (isHistory(ticket.updatedAt())) {
            return;
        }
        List<Long> to = new ArrayList<>();
        to.add(ticket.assigneeId());
        to.addAll(notices.watchers(ticket.id()));
        if (event.files() > 0) {
            notices.tell(
                    to,
                    null,
                    NoticeKind.CLIENT_FILES,
                    ticket.id(),
                    ticket.tid(),
                    ticket.subject(),
                    ticket.contactName(),
                    Integer.toString(event.files()));
        } else {
            notices.tell(
                    to,
                    null,
                    NoticeKind.CLIENT_REPLIED,
                    ticket.id(),
                    ticket.tid(),
                    ticket.subject(),
                    ticket.contactName());
        }
    }

    /**
     * A task moved on: its specialist and the request's assignee hear, but not whoever moved it.
     * The client's answer on the test copy is a decision of its own.
     */
    @EventListener
    void on(TaskStatusChanged event) {
        if (event.taskId() == 0) {
            return;
        }
        TaskView task = tasks.task(event.taskId());
        TicketView ticket = requests.ticket(event.ticketId());
        List<Long> to = new ArrayList<>();
        to.add(task.assigneeId());
        to.add(ticket.assigneeId());
        if (event.byStaffId() == null && event.from() == TaskStatus.AWAITING_CLIENT_ACCEPTANCE) {
            boolean accepted = event.to() == TaskStatus.DEPLOYING;
            notices.tell(
                    to,
                    null,
                    accepted ? NoticeKind.TEST_COPY_ACCEPTED : NoticeKind.TEST_COPY_DECLINED,
                    ticket.id(),
                    ticket.tid(),
                    task.title());
            return;
        }
        if (event.from() == TaskStatus.ON_TEST_COPY && event.to() == TaskStatus.AWAITING_CLIENT_ACCEPTANCE) {
            return; // one step of "ready on the test copy": the move to ON_TEST_COPY has told already
        }
        notices.tell(
                to,
                event.byStaffId(),
                NoticeKind.TASK_STATUS,
                ticket.id(),
                ticket.tid(),
                task.title(),
                "#task.status." + event.to().name());
    }

    /** A request given to me by someone else (a colleague, the head, auto-assignment): I hear. Taking it myself is silent. */
    @EventListener
    void on(RequestAssigned event) {
        if (event.assigneeId() == null) {
            return;
        }
        TicketView ticket = requests.ticket(event.ticketId());
        if (isHistory(ticket.updatedAt())) {
            return;
        }
        notices.tell(
                List.of(event.assigneeId()),
                event.byStaffId(),
                NoticeKind.ASSIGNED_TO_YOU,
                ticket.id(),
                ticket.tid(),
                ticket.subject());
    }

    /** A deadline is near: the assignee hears (an unassigned request is the queue's, seen there). */
    @EventListener
    void on(SlaWarningRaised event) {
        if (event.assigneeId() == null) {
            return;
        }
        TicketView ticket = requests.ticket(event.ticketId());
        notices.tell(
                List.of(event.assigneeId()),
                null,
                NoticeKind.SLA_WARNING,
                ticket.id(),
                ticket.tid(),
                ticket.subject(),
                "#notice.sla." + event.kind());
    }

    /**
     * {@code @login} in a note: the colleague hears and watches the request from now on. Every staff
     * role may open every request in the workspace, specialists included, so every mention is seen.
     */
    @EventListener
    void on(InternalNoteAdded event) {
        if (event.authorStaffId() == null) {
            return;
        }
        List<Mentions.Colleague> named = mentions.in(event.body());
        if (named.isEmpty()) {
            return;
        }
        TicketView ticket = requests.ticket(event.ticketId());
        String author = staff.member(event.authorStaffId()).fullName();
        List<Long> to = new ArrayList<>();
        for (Mentions.Colleague c : named) {
            if (c.staffId() != event.authorStaffId() && mayOpen(c, ticket)) {
                notices.watch(ticket.id(), c.staffId());
                to.add(c.staffId());
            }
        }
        notices.tell(
                to, event.authorStaffId(), NoticeKind.MENTION, ticket.id(), ticket.tid(), ticket.subject(), author);
    }

    /** The client answered a proposal to do the request next month: its assignee and watchers hear. */
    @EventListener
    void on(DeferralAnswered event) {
        TicketView ticket = requests.ticket(event.ticketId());
        List<Long> to = new ArrayList<>();
        to.add(ticket.assigneeId());
        to.addAll(notices.watchers(ticket.id()));
        notices.tell(
                to,
                null,
                event.accepted() ? NoticeKind.DEFERRAL_ACCEPTED : NoticeKind.DEFERRAL_DECLINED,
                ticket.id(),
                ticket.tid(),
                ticket.subject(),
                event.targetMonth().toString());
    }

    /**
     * The client said the question is not solved: the heads of support and the client's personal
     * manager hear, with the comment's start.
     */
    @EventListener
    void on(RequestRated event) {
        if (event.good()) {
            return;
        }
        TicketView ticket = requests.ticket(event.ticketId());
        List<Long> to = new ArrayList<>();
        staff.everyone().stream().filter(s -> s.role() == Role.HEAD).forEach(s -> to.add(s.id()));
        clientTerms
                .terms(ticket.organizationId())
                .map(t -> t.personalManagerId())
                .ifPresent(to::add);
        String comment = event.comment() == null ? "" : event.comment();
        if (comment.length() > 200) {
            comment = comment.substring(0, 199) + "…";
        }
        notices.tell(
                to,
                null,
                NoticeKind.BAD_RATING,
                ticket.id(),
                ticket.tid(),
                ticket.subject(),
                ticket.organizationName(),
                comment);
    }

    /**
     * Whether a colleague may open the request in the workspace. Today that is every staff role (the
     * request page is open to all staff); the check is where a narrower rule for specialists goes.
     */
    private static boolean mayOpen(Mentions.Colleague colleague, TicketView ticket) {
        return colleague.role() != null;
    }

    private boolean isHistory(Instant at) {
        return at != null && at.isBefore(Instant.now(clock).minus(HISTORY));
    }
}
