package dev.tidesk.contract.terms;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContractRepository extends JpaRepository<Contract, Long> {

    /** The organization's contract in force on a day. */
    @Query(
            "select c from Contract c where c.organizationId = ?1 and c.startDate <= ?2 and (c.endDate is null or c.endDate >= ?2)")
    Optional<Contract> findInForce(long organizationId, LocalDate day);

    @Query("select c from Contract c where c.organizationId = ?1 order by c.startDate desc, c.id desc")
    List<Contract> findByOrganization(long organizationId);

    /** Contracts overlapping [from, ∞): one organization cannot have two at once. */
    @Query("select count(c) > 0 from Contract c where c.organizationId = ?1 and (c.endDate is null or c.endDate >= ?2)")
    boolean existsOverlapping(long organizationId, LocalDate from);

    /** Contracts running at some day of [from, to], with their plan periods. */
    @Query(
            "select distinct c from Contract c left join fetch c.periods where c.startDate <= ?2 and (c.endDate is null or c.endDate >= ?1)")
    List<Contract> findRunningBetween(LocalDate from, LocalDate to);
}
