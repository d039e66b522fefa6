package dev.tidesk.worklog;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkEntryChangeRepository extends JpaRepository<WorkEntryChange, Long> {

    @Query(
            "select c from WorkEntryChange c where c.entryId in (select e.id from WorkEntry e where e.ticketId = ?1) order by c.at, c.id")
    List<WorkEntryChange> findByTicket(long ticketId);
}
