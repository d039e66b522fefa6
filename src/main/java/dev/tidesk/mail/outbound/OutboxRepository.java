package dev.tidesk.mail.outbound;

import dev.tidesk.mail.OutboxStatus;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    /** Due mails, locked for this sender; another node skips them instead of waiting. */
    @Query(value = """
            select * from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1
            order by next_attempt_at, id limit ?2 for update skip locked""", nativeQuery = true)
    List<OutboxMail> lockDue(Instant now, int limit);

    @Query("select m from OutboxMail m order by m.createdAt desc, m.id desc")
    List<OutboxMail> findRecent(Pageable page);

    @Query("select m from OutboxMail m where m.ticketId = ?1 order by m.createdAt, m.id")
    List<OutboxMail> findByTicket(long ticketId);

    long countByStatus(OutboxStatus status);
}
