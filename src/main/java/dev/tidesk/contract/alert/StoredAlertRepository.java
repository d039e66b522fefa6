package dev.tidesk.contract.alert;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface StoredAlertRepository extends JpaRepository<StoredAlert, Long> {

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

    @Query(
            "select count(a) > 0 from StoredAlert a where a.contractId = ?1 and a.kind = ?2 and a.acknowledgedAt is null")
    boolean existsOpen(long contractId, PlanAlert.Kind kind);

    @Query("select count(a) > 0 from StoredAlert a where a.contractId = ?1 and a.kind = ?2")
    boolean existsAny(long contractId, PlanAlert.Kind kind);

    /** The trial is decided (by a plan change or by hand): its open review alert is settled with it. */
    @org.springframework.data.jpa.repository.Modifying
    @Query("update StoredAlert a set a.acknowledgedBy = ?2, a.acknowledgedAt = ?3 where a.contractId = ?1"
            + " and a.kind = dev.tidesk.contract.alert.PlanAlert.Kind.TRIAL and a.acknowledgedAt is null")
    int settleTrial(long contractId, String by, java.time.Instant at);
}
