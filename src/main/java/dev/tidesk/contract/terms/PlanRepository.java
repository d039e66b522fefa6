package dev.tidesk.contract.terms;

import dev.tidesk.contract.PlanCode;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    Optional<Plan> findByCode(PlanCode code);
}
