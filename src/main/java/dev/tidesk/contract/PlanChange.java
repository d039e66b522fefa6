package dev.tidesk.contract;

import java.math.BigDecimal;

/**
 * New values for a catalogue plan, as an admin edits them; {@code carryOverMonths} is the window
 * of unused hours in months (null: none).
 */
public record PlanChange(
        String nameRu,
        String nameEn,
        BigDecimal monthlyFee,
        int includedMinutes,
        int firstResponseHours,
        int resolutionHours,
        boolean personalManager,
        int tierRank,
        Integer carryOverMonths) {}
