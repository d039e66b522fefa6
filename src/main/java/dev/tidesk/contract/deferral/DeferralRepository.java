package dev.tidesk.contract.deferral;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DeferralRepository extends JpaRepository<Deferral, Long> {

    Optional<Deferral> findByTokenHash(String tokenHash);

    @Query("select d from Deferral d where d.ticketId = ?1 order by d.id desc")
    List<Deferral> findByTicket(long ticketId);

    @Query("select d from Deferral d where d.organizationId = ?1 and d.status = ?2 order by d.id desc")
    List<Deferral> findByOrganizationAndStatus(long organizationId, DeferralStatus status);

    @Query(
            "select d from Deferral d where d.status = dev.tidesk.contract.deferral.DeferralStatus.ACCEPTED and d.targetMonth <= ?1 order by d.id")
    List<Deferral> findDue(LocalDate today);
}
