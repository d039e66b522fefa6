package dev.tidesk.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskRepository extends JpaRepository<Task, Long> {

    @Query("select t from Task t where t.ticketId = ?1 order by t.id")
    List<Task> findByTicket(long ticketId);

    @Query("""
            select t from Task t where t.assigneeId = ?1
            order by case when t.status in (dev.tidesk.task.TaskStatus.DONE, dev.tidesk.task.TaskStatus.CANCELLED) then 1 else 0 end,
                     t.updatedAt desc""")
    List<Task> findByAssignee(long staffId);
}
