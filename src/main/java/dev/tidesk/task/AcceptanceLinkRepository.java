package dev.tidesk.task;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AcceptanceLinkRepository extends JpaRepository<AcceptanceLink, Long> {

    java.util.Optional<AcceptanceLink> findByTokenHash(String tokenHash);

    @Query(
            "select l from AcceptanceLink l where l.taskId = ?1 and l.status = dev.tidesk.task.AcceptanceLink.State.ACTIVE")
    List<AcceptanceLink> findActive(long taskId);
}
