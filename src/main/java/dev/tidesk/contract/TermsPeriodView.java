package dev.tidesk.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/** The plan in force from a month on, resolved against the catalogue: one line of a contract's plan history. */
public record TermsPeriodView(
        YearMonth effectiveFrom,
        PlanCode planCode,
        String name,
        BigDecimal monthlyFee,
        int includedMinutes,
        int firstResponseHours,
        int resolutionHours,
        boolean personalManager,
        int tierRank,
        Instant changedAt,
        String changedBy) {}
