package dev.tidesk.contract.ledger;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClosedMonthRepository extends JpaRepository<ClosedMonth, Long> {

    @Query("select m from ClosedMonth m where m.contractId = ?1 order by m.month")
    List<ClosedMonth> findByContract(long contractId);

    @Query("select m from ClosedMonth m where m.contractId in ?1")
    List<ClosedMonth> findByContracts(List<Long> contractIds);
}
