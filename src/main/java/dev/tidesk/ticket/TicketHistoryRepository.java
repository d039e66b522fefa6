package dev.tidesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketHistoryRepository extends JpaRepository<TicketHistory, Long> {

    @Query("select h from TicketHistory h where h.ticketId = ?1 order by h.at, h.id")
    List<TicketHistory> findByTicket(long ticketId);
}
