package dev.tidesk.contract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A contract with its plan history (oldest first) and the terms in force today; its own carry-over
 * window ({@code carryOverMonths}, null: the plan's) and the window in force today
 * ({@code carryOverWindow}, null: none).
 */
public record ContractView(
        long id,
        long organizationId,
        String number,
        LocalDate startDate,
        LocalDate endDate,
        Long personalManagerId,
        boolean testCopyOnly,
        String specialTerms,
        TrialDecision trialDecision,
        Instant trialDecidedAt,
        String trialDecidedBy,
        List<TermsPeriodView> periods,
        TermsPeriodView current,
        Integer carryOverMonths,
        Integer carryOverWindow) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startDate) && (endDate == null || !day.isAfter(endDate));
    }
}
