package dev.tidesk.contract.terms;

import org.springframework.data.jpa.repository.JpaRepository;

public interface TermsPeriodRepository extends JpaRepository<TermsPeriod, Long> {}
