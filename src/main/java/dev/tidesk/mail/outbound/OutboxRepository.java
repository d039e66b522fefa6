package dev.tidesk.mail.outbound;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    /** Due mails, locked for this sender; another node skips them instead of waiting. */
    @Query(value = """
            select * from mail_outbox where status = 'PENDING' and next_attempt_at <= ?1
            order by next_attempt_at, id limit ?2 for update skip locked""", nativeQuery = true)
    List<OutboxMail> lockDue(Instant now, int limit);

    @Query("select m from OutboxMail m where m.ticketId = ?1 order by m.createdAt, m.id")
    List<OutboxMail> findByTicket(long ticketId);

    /**
     * The failed mail, counted for the admin menu on every page. The status is written into the query,
     * not passed: PostgreSQL then plans it once per connection through the partial index of failed
     * mail, where a parameter had it planned afresh each time (the generic plan of "status = ?"
     * cannot use a partial index, so it kept choosing custom plans).
     */
    @Query(value = "select count(*) from mail_outbox where status = 'FAILED'", nativeQuery = true)
    long countFailed();
}
