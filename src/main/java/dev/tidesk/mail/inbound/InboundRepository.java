package dev.tidesk.mail.inbound;

import dev.tidesk.mail.InboundStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface InboundRepository extends JpaRepository<InboundMail, Long> {

    @Query("select m.id from InboundMail m where m.source = ?1 and m.idempotencyKey = ?2")
    Optional<Long> findIdByKey(String source, String idempotencyKey);

    /** Locks one stored message for processing; another node skips it instead of waiting. */
    @Query(
            value = "select * from mail_inbound where id = ?1 and status = 'RECEIVED' for update skip locked",
            nativeQuery = true)
    Optional<InboundMail> lockReceived(long id);

    @Query(value = """
            select id from mail_inbound where status = 'RECEIVED' and next_attempt_at <= ?1
            order by next_attempt_at, id limit ?2""", nativeQuery = true)
    List<Long> findDue(Instant now, int limit);

    /** The latest stored first: ids follow the order mail was stored in, and the key's index reads them. */
    @Query("select m from InboundMail m order by m.id desc")
    List<InboundMail> findRecent(Pageable page);

    @Query("select m from InboundMail m where m.status = ?1 order by m.receivedAt desc, m.id desc")
    List<InboundMail> findRecentByStatus(InboundStatus status, Pageable page);

    @Query("select m from InboundMail m where m.ticketId = ?1 order by m.receivedAt, m.id")
    List<InboundMail> findByTicket(long ticketId);
}
