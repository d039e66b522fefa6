package dev.tidesk.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TermsPeriodRepository extends JpaRepository<TermsPeriod, Long> {
}
