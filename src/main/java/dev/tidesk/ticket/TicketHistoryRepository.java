package dev.tidesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketHistoryRepository extends JpaRepository<TicketHistory, Long> {

    @Query("select h from TicketHistory h where h.ticketId = ?1 order by h.at, h.id")
    List<TicketHistory> findByTicket(long ticketId);
}
