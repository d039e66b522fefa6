package dev.tidesk.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract with its plan history (oldest first) and the terms in force today. */
public record ContractView(long id, long organizationId, String number, LocalDate startDate, LocalDate endDate,
        Long personalManagerId, boolean testCopyOnly, String specialTerms, TrialDecision trialDecision,
        Instant trialDecidedAt, String trialDecidedBy, List<TermsPeriodView> periods, TermsPeriodView current) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
