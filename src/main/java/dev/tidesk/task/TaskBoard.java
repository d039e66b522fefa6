package dev.tidesk.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.tidesk.identity.Role;
import dev.tidesk.routing.ClientTermsBook;
import dev.tidesk.shared.DomainException;
import dev.tidesk.shared.NotFoundException;
import dev.tidesk.team.StaffDirectory;
import dev.tidesk.team.StaffView;
import dev.tidesk.ticket.RequestQueries;
import dev.tidesk.ticket.TicketView;

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
    private final Clock clock;

    TaskBoard(TaskRepository tasks, TaskHistoryRepository history, RequestQueries requests, StaffDirectory staff,
            ClientTermsBook terms, Optional<Clock> clock) {
        this.tasks = tasks;
        this.history = history;
        this.requests = requests;
        this.staff = staff;
        this.terms = terms;
        this.clock = clock.orElse(Clock.systemUTC());
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
        Environment environment = terms.testCopyOnly(ticket.organizationId()) ? Environment.TEST
                : (task.environment() == null ? Environment.LIVE : task.environment());
        Task created = new Task(ticket.id(), ticket.tid(), ticket.organizationId(), task.specialty(), assignee.id(),
                assignee.fullName(), task.title(), task.description(), task.estimateHours(), environment, actor, now());
        return save(created).view();
    }

    @Transactional
    public void start(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.start(actor, now());
        save(task);
    }

    @Transactional
    public void readyOnTestCopy(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.readyOnTestCopy(actor, now());
        save(task);
    }

    @Transactional
    public void complete(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.complete(actor, now());
        save(task);
    }

    @Transactional
    public void cancel(long taskId, Long staffId, String actor) {
        Task task = forStaff(taskId, staffId);
        task.cancel(actor, now());
        save(task);
    }

    /** The client accepts the change on the test copy; {@code ticketId} is the request they may see. */
    @Transactional
    public void accept(long taskId, long ticketId, String client) {
        Task task = forRequest(taskId, ticketId);
        task.accept(client, now());
        save(task);
    }

    @Transactional
    public void decline(long taskId, long ticketId, String client, String comment) {
        Task task = forRequest(taskId, ticketId);
        task.decline(client, comment, now());
        save(task);
    }

    public TaskView task(long taskId) {
        return load(taskId).view();
    }

    public List<TaskView> ofRequest(long ticketId) {
        return tasks.findByTicket(ticketId).stream().map(Task::view).toList();
    }

    /** The client's view: titles and statuses only. */
    public List<TaskProgress> progress(long ticketId) {
        return tasks.findByTicket(ticketId).stream().filter(t -> t.view().status() != TaskStatus.CANCELLED)
                .map(Task::progress).toList();
    }

    /** Every step of every task of the request, oldest first. */
    public List<TaskStep> history(long ticketId) {
        Map<Long, String> titles = tasks.findByTicket(ticketId).stream()
                .collect(Collectors.toMap(Task::getId, Task::getTitle, (a, b) -> a));
        return history.findByTicket(ticketId).stream().map(h -> h.view(titles.get(h.getTaskId()))).toList();
    }

    public List<TaskView> assignedTo(long staffId) {
        return tasks.findByAssignee(staffId).stream().map(Task::view).toList();
    }

    /** Specialists who can take tasks, for the create form. */
    public List<StaffView> specialists() {
        return staff.everyone().stream().filter(s -> s.role() == Role.SPECIALIST).toList();
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
