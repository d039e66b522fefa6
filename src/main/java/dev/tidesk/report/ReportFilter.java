package dev.tidesk.report;

import java.time.LocalDate;

/**
 * What a report covers.
 *
 * @param from           first day (inclusive), in the installation's time zone
 * @param to             last day (inclusive)
 * @param organizationId one client, or null for all
 * @param staffId        one person (the assignee, or the author of replies), or null for all
 * @param planCode       clients on one plan now (ECONOMY, STANDARD, PREMIUM, INDIVIDUAL, or NONE for
 *                       one-off clients), or null for all
 */
public record ReportFilter(
        LocalDate from, LocalDate to, Grain grain, Long organizationId, Long staffId, String planCode) {

    public ReportFilter(LocalDate from, LocalDate to, Grain grain, Long organizationId, Long staffId) {
        this(from, to, grain, organizationId, staffId, null);
    }

    public ReportFilter {
        grain = grain == null ? Grain.MONTH : grain;
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("A report needs a period with from <= to");
        }
        planCode = planCode == null || planCode.isBlank() ? null : planCode;
    }
}
