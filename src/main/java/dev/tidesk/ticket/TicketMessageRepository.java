package dev.tidesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketMessageRepository extends JpaRepository<TicketMessage, Long> {

    @Query("select m from TicketMessage m where m.ticketId = ?1 order by m.createdAt, m.id")
    List<TicketMessage> findByTicket(long ticketId);

    @Query("""
            select m from TicketMessage m where m.ticketId = ?1
              and m.kind <> dev.tidesk.ticket.MessageKind.INTERNAL_NOTE order by m.createdAt, m.id""")
    List<TicketMessage> findPublicByTicket(long ticketId);
}
