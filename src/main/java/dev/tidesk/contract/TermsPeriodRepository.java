package dev.tidesk.contract;

import org.springframework.data.jpa.repository.JpaRepository;

interface TermsPeriodRepository extends JpaRepository<TermsPeriod, Long> {}
