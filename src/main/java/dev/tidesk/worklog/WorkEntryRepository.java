package dev.tidesk.worklog;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface WorkEntryRepository extends JpaRepository<WorkEntry, Long> {

    @Query("select e from WorkEntry e where e.ticketId = ?1 order by e.day desc, e.id desc")
    List<WorkEntry> findByTicket(long ticketId);

    @Query("select coalesce(sum(e.minutes), 0) from WorkEntry e where e.staffId = ?1 and e.day = ?2 and e.id <> ?3")
    long minutesOfStaffOnDay(long staffId, LocalDate day, long exceptEntryId);

    @Query("select e from WorkEntry e where e.organizationId = ?1 and e.day >= ?2 and e.day < ?3 order by e.day, e.id")
    List<WorkEntry> findByOrganization(long organizationId, LocalDate from, LocalDate toExclusive);

    @Query("select e.taskId, sum(e.minutes) from WorkEntry e where e.taskId in ?1 group by e.taskId")
    List<Object[]> minutesByTask(java.util.Collection<Long> taskIds);
}
