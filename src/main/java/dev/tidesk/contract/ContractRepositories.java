package dev.tidesk.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByCode(PlanCode code);
}

interface ContractRepository extends JpaRepository<Contract, Long> {

    /** The organization's contract in force on a day. */
    @Query("select c from Contract c where c.organizationId = ?1 and c.startDate <= ?2 and (c.endDate is null or c.endDate >= ?2)")
    Optional<Contract> findInForce(long organizationId, LocalDate day);

    @Query("select c from Contract c where c.organizationId = ?1 order by c.startDate desc, c.id desc")
    List<Contract> findByOrganization(long organizationId);

    /** Contracts overlapping [from, ∞): one organization cannot have two at once. */
    @Query("select count(c) > 0 from Contract c where c.organizationId = ?1 and (c.endDate is null or c.endDate >= ?2)")
    boolean existsOverlapping(long organizationId, LocalDate from);

    /** Contracts running at some day of [from, to], with their plan periods. */
    @Query("select distinct c from Contract c left join fetch c.periods where c.startDate <= ?2 and (c.endDate is null or c.endDate >= ?1)")
    List<Contract> findRunningBetween(LocalDate from, LocalDate to);
}

interface TermsPeriodRepository extends JpaRepository<TermsPeriod, Long> {
}

interface ContractChangeRepository extends JpaRepository<ContractChange, Long> {

    @Query("select c from ContractChange c where c.contractId = ?1 order by c.at, c.id")
    List<ContractChange> findByContract(long contractId);
}

interface ClosedMonthRepository extends JpaRepository<ClosedMonth, Long> {

    @Query("select m from ClosedMonth m where m.contractId = ?1 order by m.month")
    List<ClosedMonth> findByContract(long contractId);

    @Query("select m from ClosedMonth m where m.contractId in ?1")
    List<ClosedMonth> findByContracts(List<Long> contractIds);
}

interface DeferralRepository extends JpaRepository<Deferral, Long> {

    Optional<Deferral> findByTokenHash(String tokenHash);

    @Query("select d from Deferral d where d.ticketId = ?1 order by d.id desc")
    List<Deferral> findByTicket(long ticketId);

    @Query("select d from Deferral d where d.organizationId = ?1 and d.status = ?2 order by d.id desc")
    List<Deferral> findByOrganizationAndStatus(long organizationId, DeferralStatus status);

    @Query("select d from Deferral d where d.status = dev.tidesk.contract.DeferralStatus.ACCEPTED and d.targetMonth <= ?1 order by d.id")
    List<Deferral> findDue(LocalDate today);
}

interface StoredAlertRepository extends JpaRepository<StoredAlert, Long> {

    @Query("select a, c.personalManagerId from StoredAlert a, Contract c where c.id = a.contractId"
            + " and a.acknowledgedAt is null order by a.raisedAt desc, a.id desc")
    List<Object[]> findOpen();

    @Query("select a, c.personalManagerId from StoredAlert a, Contract c where c.id = a.contractId"
            + " and a.acknowledgedAt is null and c.personalManagerId = ?1 order by a.raisedAt desc, a.id desc")
    List<Object[]> findOpenOfManager(long personalManagerId);

    @Query("select a, c.personalManagerId from StoredAlert a, Contract c where c.id = a.contractId"
            + " and a.acknowledgedAt is not null order by a.acknowledgedAt desc, a.id desc limit 20")
    List<Object[]> findRecentlyAcknowledged();

    @Query("select a, c.personalManagerId from StoredAlert a, Contract c where c.id = a.contractId"
            + " and a.acknowledgedAt is not null and c.personalManagerId = ?1"
            + " order by a.acknowledgedAt desc, a.id desc limit 20")
    List<Object[]> findRecentlyAcknowledgedOfManager(long personalManagerId);

    @Query("select count(a) > 0 from StoredAlert a where a.contractId = ?1 and a.kind = ?2 and a.acknowledgedAt is null")
    boolean existsOpen(long contractId, PlanAlert.Kind kind);

    @Query("select count(a) > 0 from StoredAlert a where a.contractId = ?1 and a.kind = ?2")
    boolean existsAny(long contractId, PlanAlert.Kind kind);

    /** The trial is decided (by a plan change or by hand): its open review alert is settled with it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update StoredAlert a set a.acknowledgedBy = ?2, a.acknowledgedAt = ?3 where a.contractId = ?1"
            + " and a.kind = dev.tidesk.contract.PlanAlert.Kind.TRIAL and a.acknowledgedAt is null")
    int settleTrial(long contractId, String by, java.time.Instant at);
}
