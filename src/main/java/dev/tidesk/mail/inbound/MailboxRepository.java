package dev.tidesk.mail.inbound;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MailboxRepository extends JpaRepository<Mailbox, Long> {

    @Query("select m from Mailbox m order by m.name")
    List<Mailbox> findAllOrdered();

    @Query("select m from Mailbox m where lower(m.name) = lower(?1)")
    Optional<Mailbox> findByName(String name);
}
