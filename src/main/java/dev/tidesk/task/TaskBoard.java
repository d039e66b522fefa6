package dev.tidesk.task;

import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.shared.SecretTokens;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;
import dev.tidesk.worklog.WorkEntryView;
import dev.tidesk.worklog.WorkKind;
import dev.tidesk.worklog.WorkLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The task module's API: agents give work to specialists, specialists do it, clients accept it. */
@Service
@Transactional(readOnly = true)
public class TaskBoard {

    private final TaskRepository tasks;
    private final TaskHistoryRepository history;
    private final RequestQueries requests;
    private final StaffDirectory staff;
    private final ClientTermsBook terms;
    private final AcceptanceLinkRepository links;
    private final Duration linkValidity;
    private final SyncSuggestions syncs;
    private final WorkLog workLog;
    private final int syncMinutes;
    private final Clock clock;

    TaskBoard(
            TaskRepository tasks,
            TaskHistoryRepository history,
            RequestQueries requests,
            StaffDirectory staff,
            ClientTermsBook terms,
            AcceptanceLinkRepository links,
            @Value("${tidesk.task.acceptance-link-days:14}") int linkDays,
            SyncSuggestions syncs,
            WorkLog workLog,
            @Value("${tidesk.task.test-copy-sync-minutes:30}") int syncMinutes,
            Clock clock) {
        this.syncs = syncs;
        this.workLog = workLog;
        this.syncMinutes = syncMinutes;
        this.tasks = tasks;
        this.history = history;
        this.links = links;
        this.linkValidity = Duration.ofDays(linkDays);
        this.requests = requests;
        this.staff = staff;
        this.terms = terms;
        this.clock = clock;
    }

    /**
     * Creates a task. The environment is the agent's choice by risk, forced to TEST when the
     * client's terms say all work goes via the test copy.
     */
    @Transactional
    public TaskView create(NewTask task, String actor) {
        TicketView ticket = requests.ticket(task.ticketId());
        StaffView assignee = staff.member(task.assigneeId());
        if (assignee.role() != Role.SPECIALIST || assignee.specialty() != task.specialty()) {
            throw new DomainException("error.task.assignee", "The assignee is not a specialist of that specialty");
        }
        Environment environment = terms.testCopyOnly(ticket.organizationId())
                ? Environment.TEST
                : (task.environment() == null ? Environment.LIVE : task.environment());
        Task created = new Task(
                ticket.id(),
                ticket.tid(),
                ticket.organizationId(),
                task.specialty(),
                assignee.id(),
                assignee.fullName(),
                task.title(),
                task.description(),
                task.estimateHours(),
                environment,
                actor,
                now());
        return save(created).view();
    }

    @Transactional
    public void start(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.start(actor, staffId, now());
        save(task);
    }

    @Transactional
    public void readyOnTestCopy(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        Instant now = now();
        supersedeLinks(taskId);
        String token = SecretTokens.newToken();
        Instant expires = now.plus(linkValidity);
        links.save(new AcceptanceLink(taskId, SecretTokens.hash(token), expires, now));
        task.readyOnTestCopy(actor, staffId, now, token, expires);
        save(task);
    }

    /**
     * Marks a live change done, or a tested one deployed. Deploying a task of a client whose
     * contract sends all work via the test copy suggests a test-copy sync entry.
     */
    @Transactional
    public void complete(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        boolean deployed = task.view().status() == TaskStatus.DEPLOYING;
        Instant now = now();
        task.complete(actor, staffId, now);
        save(task);
        if (deployed && terms.testCopyOnly(requests.ticket(task.getTicketId()).organizationId())) {
            syncs.suggest(taskId, task.getTicketId(), task.getAssigneeId(), syncMinutes, now);
        }
    }

    /** Open test-copy sync suggestions of a request. */
    public List<SyncSuggestion> syncSuggestions(long ticketId) {
        return syncs.ofTicket(ticketId);
    }

    /** Open test-copy sync suggestions of a specialist's tasks. */
    public List<SyncSuggestion> syncSuggestionsFor(long staffId) {
        return syncs.ofAssignee(staffId);
    }

    /**
     * Confirms a suggested test-copy sync: logs the norm-hour entry (today, kind test-copy sync,
     * on the task's request) through the worklog, so it reaches the client's ledger. Works once.
     */
    @Transactional
    public WorkEntryView confirmSync(long taskId, long staffId, String staffName, int minutes, String comment) {
        Task task = forStaff(taskId, staffId);
        WorkEntryView entry = workLog.log(
                task.getTicketId(),
                taskId,
                staffId,
                staffName,
                workLog.today(),
                minutes,
                WorkKind.TEST_COPY_SYNC,
                comment);
        syncs.resolve(taskId, "CONFIRMED", staffName, entry.id(), now());
        return entry;
    }

    /**
     * Logs norm-hours on a task: an entry of the task's request that carries the task, so it shows on
     * the task and counts once in the request's total and the client's ledger. A specialist logs on
     * their own tasks; other staff on any. {@code ticketId} is the request the form was on: a task of
     * another request is "not found".
     */
    @Transactional
    public WorkEntryView logHours(
            long taskId,
            long ticketId,
            long staffId,
            String staffName,
            java.time.LocalDate day,
            int minutes,
            WorkKind kind,
            String comment) {
        Task task = forStaff(taskId, staffId);
        if (task.getTicketId() != ticketId) {
            throw new NotFoundException("No task " + taskId + " on request " + ticketId);
        }
        return workLog.log(ticketId, taskId, staffId, staffName, day, minutes, kind, comment);
    }

    @Transactional
    public void dismissSync(long taskId, Long staffId, String staffName) {
        forStaff(taskId, staffId);
        syncs.resolve(taskId, "DISMISSED", staffName, null, now());
    }

    @Transactional
    public void cancel(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.cancel(actor, staffId, now());
        save(task);
    }

    /** The client accepts the change on the test copy; {@code ticketId} is the request they may see. */
    @Transactional
    public void accept(long taskId, long ticketId, String client) {
        Task task = forRequest(taskId, ticketId);
        task.accept(client, now());
        supersedeLinks(taskId);
        save(task);
    }

    @Transactional
    public void decline(long taskId, long ticketId, String client, String comment) {
        Task task = forRequest(taskId, ticketId);
        task.decline(client, comment, now());
        supersedeLinks(taskId);
        save(task);
    }

    /**
     * The task behind an acceptance e-mail link, for the organization of the signed-in contact.
     * An unknown (forged) token or another organization's task is "not found".
     */
    public AcceptanceLinkView byLink(String token, long organizationId) {
        return view(linkFor(token, organizationId));
    }

    /**
     * The task behind an acceptance e-mail link, the token being the only authority (the person
     * may have no portal login): an unknown (forged) token is "not found". The view holds what the
     * link is about and nothing else.
     */
    public AcceptanceLinkView byLink(String token) {
        return view(link(token));
    }

    /**
     * The answer through the e-mail link with the token as the only authority, for the one task it
     * was mailed for; {@code client} is who is recorded as answering. A link that was used, replaced
     * or has expired is refused and nothing changes.
     */
    @Transactional
    public TaskView answerByLink(String token, boolean accept, String comment, String client) {
        return answer(link(token), accept, comment, client, now());
    }

    private AcceptanceLinkView view(AcceptanceLink link) {
        Task task = load(link.getTaskId());
        String state = link.getStatus().name();
        if (link.getStatus() == AcceptanceLink.State.ACTIVE) {
            if (!now().isBefore(link.getExpiresAt())) {
                state = "EXPIRED";
            } else if (task.view().status() != TaskStatus.AWAITING_CLIENT_ACCEPTANCE) {
                state = AcceptanceLink.State.SUPERSEDED.name();
            }
        }
        return new AcceptanceLinkView(task.progress(), task.getTicketId(), state, link.getExpiresAt());
    }

    /**
     * The client's answer through the e-mail link: accepting moves the task to DEPLOYING exactly as
     * the portal's accept does, declining returns it to the specialist with the comment. A link that
     * was used, replaced or has expired is refused and nothing changes.
     */
    @Transactional
    public TaskView answerByLink(String token, boolean accept, String comment, long organizationId, String client) {
        return answerByLink(token, accept, comment, organizationId, client, now());
    }

    @Transactional
    TaskView answerByLink(
            String token, boolean accept, String comment, long organizationId, String client, Instant now) {
        return answer(linkFor(token, organizationId), accept, comment, client, now);
    }

    private TaskView answer(AcceptanceLink link, boolean accept, String comment, String client, Instant now) {
        link.answer(accept, client, now);
        Task task = load(link.getTaskId());
        if (task.view().status() != TaskStatus.AWAITING_CLIENT_ACCEPTANCE) {
            throw new DomainException("task.link.used", "This change was answered already");
        }
        if (accept) {
            task.accept(client, now);
        } else {
            task.decline(client, comment, now);
        }
        return save(task).view();
    }

    private AcceptanceLink link(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new NotFoundException("No acceptance link");
        }
        return links.findByTokenHash(SecretTokens.hash(token))
                .orElseThrow(() -> new NotFoundException("No acceptance link"));
    }

    private AcceptanceLink linkFor(String token, long organizationId) {
        AcceptanceLink link = link(token);
        Long owner = requests.ticket(load(link.getTaskId()).getTicketId()).organizationId();
        if (owner == null || owner != organizationId) {
            throw new NotFoundException("No acceptance link");
        }
        return link;
    }

    private void supersedeLinks(long taskId) {
        links.findActive(taskId).forEach(AcceptanceLink::supersede);
    }

    public TaskView task(long taskId) {
        return load(taskId).view();
    }

    public List<TaskView> ofRequest(long ticketId) {
        return tasks.findByTicket(ticketId).stream().map(Task::view).toList();
    }

    /** The client's view: titles and statuses only. */
    public List<TaskProgress> progress(long ticketId) {
        return tasks.findByTicket(ticketId).stream()
                .filter(t -> t.view().status() != TaskStatus.CANCELLED)
                .map(Task::progress)
                .toList();
    }

    /** Every step of every task of the request, oldest first. */
    public List<TaskStep> history(long ticketId) {
        Map<Long, String> titles = tasks.findByTicket(ticketId).stream()
                .collect(Collectors.toMap(Task::getId, Task::getTitle, (a, b) -> a));
        return history.findByTicket(ticketId).stream()
                .map(h -> h.view(titles.get(h.getTaskId())))
                .toList();
    }

    public List<TaskView> assignedTo(long staffId) {
        return tasks.findByAssignee(staffId).stream().map(Task::view).toList();
    }

    /** The colleague's tasks that are neither done nor cancelled. */
    public List<TaskView> unfinishedOf(long staffId) {
        return TasksOfDeactivated.unfinished(tasks, staffId);
    }

    /** Specialists who can take tasks, for the create form. */
    public List<StaffView> specialists() {
        return staff.everyone().stream()
                .filter(s -> s.role() == Role.SPECIALIST)
                .toList();
    }

    public boolean testCopyOnly(long ticketId) {
        return terms.testCopyOnly(requests.ticket(ticketId).organizationId());
    }

    private Task save(Task task) {
        List<TaskHistory> changes = task.drainChanges();
        Task saved = tasks.save(task);
        changes.forEach(h -> h.belongTo(saved.getId()));
        history.saveAll(changes);
        return saved;
    }

    /** A specialist acts on their own tasks only; other staff (agents, heads) on any. */
    private Task forStaff(long taskId, Long staffId) {
        Task task = load(taskId);
        if (staffId != null) {
            StaffView member = staff.member(staffId);
            if (member.role() == Role.SPECIALIST && !staffId.equals(task.getAssigneeId())) {
                throw new NotFoundException("No task " + taskId);
            }
        }
        return task;
    }

    private Task forRequest(long taskId, long ticketId) {
        Task task = load(taskId);
        if (task.getTicketId() != ticketId) {
            throw new NotFoundException("No task " + taskId);
        }
        return task;
    }

    private Task load(long taskId) {
        return tasks.findById(taskId).orElseThrow(() -> new NotFoundException("No task " + taskId));
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
