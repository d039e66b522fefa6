package dev.tidesk.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskHistoryRepository extends JpaRepository<TaskHistory, Long> {

    @Query("select h from TaskHistory h where h.ticketId = ?1 order by h.at, h.id")
    List<TaskHistory> findByTicket(long ticketId);
}
