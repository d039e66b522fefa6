package dev.tidesk.contract;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A catalogue plan as pages show it; {@code carryOverMonths}: how many months unused hours count in
 * the balance within the window (null: no window).
 */
public record PlanView(
        long id,
        PlanCode code,
        String nameRu,
        String nameEn,
        BigDecimal monthlyFee,
        int includedMinutes,
        int firstResponseHours,
        int resolutionHours,
        boolean personalManager,
        int tierRank,
        Integer carryOverMonths) {

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameRu;
    }
}
