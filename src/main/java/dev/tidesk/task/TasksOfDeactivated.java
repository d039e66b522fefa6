package dev.tidesk.task;

import dev.tidesk.team.StaffDeactivated;
import dev.tidesk.ticket.Actor;
import dev.tidesk.ticket.RequestDesk;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A specialist who leaves keeps their unfinished tasks (a task always has its specialist, and its
 * hours and history are theirs), but support is told on each task's request, in the transaction
 * that deactivated them, so that someone sets the work again or cancels it.
 */
@Component
class TasksOfDeactivated {

    private final TaskRepository tasks;
    private final RequestDesk desk;
    private final MessageSource messages;

    TasksOfDeactivated(TaskRepository tasks, RequestDesk desk, MessageSource messages) {
        this.tasks = tasks;
        this.desk = desk;
        this.messages = messages;
    }

    @EventListener
    void on(StaffDeactivated event) {
        for (TaskView task : unfinished(tasks, event.staffId())) {
            desk.note(
                    task.ticketId(),
                    Actor.system(),
                    messages.getMessage(
                            "task.note.assigneeDeactivated",
                            new Object[] {task.title(), event.fullName()},
                            Locale.forLanguageTag("ru")),
                    List.of());
        }
    }

    static List<TaskView> unfinished(TaskRepository tasks, long staffId) {
        return tasks.findByAssignee(staffId).stream()
                .map(Task::view)
                .filter(t -> t.status() != TaskStatus.DONE && t.status() != TaskStatus.CANCELLED)
                .toList();
    }
}
