package dev.tidesk.contract.terms;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ContractChangeRepository extends JpaRepository<ContractChange, Long> {

    @Query("select c from ContractChange c where c.contractId = ?1 order by c.at, c.id")
    List<ContractChange> findByContract(long contractId);
}
