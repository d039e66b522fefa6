package dev.tidesk.ticket;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketAttachmentRepository extends JpaRepository<TicketAttachment, Long> {

    @Query("""
            select new dev.tidesk.ticket.AttachmentView(a.id, a.ticketId, a.messageId, a.filename, a.contentType, a.sizeBytes)
            from TicketAttachment a where a.ticketId = ?1 order by a.id""")
    List<AttachmentView> findViewsByTicket(long ticketId);
}
