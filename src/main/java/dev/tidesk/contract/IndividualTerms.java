package dev.tidesk.contract;

import java.math.BigDecimal;

/** The terms of an individual plan, carried by the contract instead of a catalogue plan. */
public record IndividualTerms(
        String name,
        BigDecimal monthlyFee,
        int includedMinutes,
        int firstResponseHours,
        int resolutionHours,
        boolean personalManager,
        int tierRank) {}
