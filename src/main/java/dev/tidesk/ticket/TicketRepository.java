package dev.tidesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TicketRepository extends JpaRepository<Ticket, Long> {

    Optional<Ticket> findByTid(String tid);

    List<Ticket> findByIdIn(Collection<Long> ids);

    @Query("""
            select t from Ticket t
            where t.organizationId = :org
              and (:openOnly = false or t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED))
              and (:status is null or t.status = :status)
              and (:text = '' or lower(t.subject) like lower(concat('%', :text, '%')) or lower(t.tid) = lower(:text))""")
    Slice<Ticket> findForOrganization(Long org, boolean openOnly, Status status, String text, Pageable page);

    @Query("""
            select t from Ticket t
            where t.assigneeId is null and t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED, dev.tidesk.ticket.Status.DEFERRED)""")
    Slice<Ticket> findUnassigned(Pageable page);

    @Query("""
            select t from Ticket t
            where t.assigneeId = :staffId and t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED)""")
    Slice<Ticket> findAssignedTo(Long staffId, Pageable page);

    @Query("""
            select t from Ticket t
            where t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED)""")
    Slice<Ticket> findAllOpen(Pageable page);

    @Query("""
            select t from Ticket t
            where t.assigneeId is null and t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED, dev.tidesk.ticket.Status.DEFERRED)
              and exists (select 1 from TicketTag g where g.ticketId = t.id and g.tag = :tag)""")
    Slice<Ticket> findUnassignedTagged(String tag, Pageable page);

    @Query("""
            select t from Ticket t
            where t.assigneeId = :staffId and t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED)
              and exists (select 1 from TicketTag g where g.ticketId = t.id and g.tag = :tag)""")
    Slice<Ticket> findAssignedToTagged(Long staffId, String tag, Pageable page);

    @Query("""
            select t from Ticket t
            where t.status not in (dev.tidesk.ticket.Status.RESOLVED, dev.tidesk.ticket.Status.CLOSED)
              and exists (select 1 from TicketTag g where g.ticketId = t.id and g.tag = :tag)""")
    Slice<Ticket> findAllOpenTagged(String tag, Pageable page);

    /** Every request with the tag, whatever its status, newest first: the search list's ?tag=. */
    @Query("""
            select t from Ticket t
            where exists (select 1 from TicketTag g where g.ticketId = t.id and g.tag = :tag)
            order by t.createdAt desc, t.id desc""")
    Slice<Ticket> findTagged(String tag, Pageable page);
}
